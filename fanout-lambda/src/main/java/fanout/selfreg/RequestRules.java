package fanout.selfreg;

import fanout.mapping.Arn;
import fanout.mapping.InvalidArnException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates a slash command before anything is asked of AWS: both ARNs parse, role and stream are
 * in one account, the role is one the fan-out role may assume, both names carry the same id under
 * the workshop's rule, and the stream is not the class's source. Every refusal says what to fix.
 */
public final class RequestRules {
    static final String HOOK_USAGE =
            "usage: /hook-stream <role ARN> <stream ARN>, for example /hook-stream"
                    + " arn:aws:iam::210987654321:role/ab12StreamWriter"
                    + " arn:aws:kinesis:us-west-2:210987654321:stream/ab12Stream";
    static final String UNHOOK_USAGE =
            "usage: /unhook-stream <stream ARN>, for example /unhook-stream"
                    + " arn:aws:kinesis:us-west-2:210987654321:stream/ab12Stream";

    private final IdRule ids;
    private final Pattern assumable;
    private final String assumablePattern;
    private final String sourceArn;

    public RequestRules(IdRule ids, String assumableRolePattern, String sourceArn) {
        this.ids = Objects.requireNonNull(ids, "ids is required");
        this.assumablePattern =
                Objects.requireNonNull(assumableRolePattern, "assumableRolePattern is required");
        this.assumable = Arn.glob(assumableRolePattern, 0);
        this.sourceArn = Objects.requireNonNull(sourceArn, "sourceArn is required");
    }

    public StudentRequest read(SlackCommand command) {
        String[] words = command.text().isEmpty() ? new String[0] : command.text().split("\\s+");
        if (command.isHook()) {
            return words.length == 2 ? hook(words[0], words[1]) : invalid(HOOK_USAGE);
        }
        if (command.isUnhook()) {
            return words.length == 1 ? unhook(words[0]) : invalid(UNHOOK_USAGE);
        }
        return invalid(
                "unknown command '"
                        + command.command()
                        + "': use /hook-stream or /unhook-stream. "
                        + HOOK_USAGE);
    }

    private StudentRequest hook(String roleText, String streamText) {
        Arn role;
        Arn stream;
        try {
            role = Arn.iamRole(roleText);
        } catch (InvalidArnException e) {
            return invalid("the role ARN (first argument): " + e.getMessage() + ". " + HOOK_USAGE);
        }
        try {
            stream = Arn.kinesisStream(streamText);
        } catch (InvalidArnException e) {
            return invalid(
                    "the stream ARN (second argument): " + e.getMessage() + ". " + HOOK_USAGE);
        }
        if (!role.account().equals(stream.account())) {
            return invalid(
                    "the role is in account "
                            + role.account()
                            + " but the stream in account "
                            + stream.account()
                            + ": both must be in your own account");
        }
        if (!assumable.matcher(role.toString()).matches()) {
            return invalid(
                    "the fan-out role may only assume roles matching "
                            + assumablePattern
                            + ", and "
                            + role
                            + " does not: name your role as the workshop says"
                            + suffix());
        }
        Optional<String> fromStream = ids.fromStreamName(stream.shortName());
        if (fromStream.isEmpty()) {
            return invalid(streamNameRefusal(stream));
        }
        Optional<String> fromRole = ids.fromRoleName(role.shortName());
        if (fromRole.isEmpty()) {
            return invalid(
                    "role name '"
                            + role.shortName()
                            + "' does not follow the workshop's rule ("
                            + ids.role().pattern()
                            + ")"
                            + suffix());
        }
        if (!fromRole.get().equals(fromStream.get())) {
            return invalid(
                    "the role says your id is '"
                            + fromRole.get()
                            + "' but the stream says '"
                            + fromStream.get()
                            + "': both names must carry the same id"
                            + suffix());
        }
        if (stream.toString().equals(sourceArn)) {
            return invalid("that is the class's source stream: give your own stream's ARN");
        }
        return new StudentRequest.Hook(fromStream.get(), role, stream);
    }

    private StudentRequest unhook(String streamText) {
        Arn stream;
        try {
            stream = Arn.kinesisStream(streamText);
        } catch (InvalidArnException e) {
            return invalid("the stream ARN: " + e.getMessage() + ". " + UNHOOK_USAGE);
        }
        return ids.fromStreamName(stream.shortName())
                .<StudentRequest>map(id -> new StudentRequest.Unhook(id, stream))
                .orElseGet(() -> invalid(streamNameRefusal(stream)));
    }

    private String streamNameRefusal(Arn stream) {
        return "stream name '"
                + stream.shortName()
                + "' does not follow the workshop's rule ("
                + ids.stream().pattern()
                + ")"
                + suffix();
    }

    private String suffix() {
        return ids.help().isEmpty() ? "" : " (" + ids.help() + ")";
    }

    private static StudentRequest invalid(String message) {
        return new StudentRequest.Invalid(message);
    }
}
