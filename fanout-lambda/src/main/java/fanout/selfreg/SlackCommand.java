package fanout.selfreg;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A slash command as Slack posts it ({@code application/x-www-form-urlencoded}): the command, its
 * text, who sent it, and where a late answer goes.
 */
public record SlackCommand(
        String command,
        String text,
        String userId,
        String userName,
        String teamId,
        String responseUrl) {
    public static final String HOOK = "/hook-stream";
    public static final String UNHOOK = "/unhook-stream";

    public SlackCommand {
        command = command == null ? "" : command.trim();
        text = text == null ? "" : text.trim();
        userId = userId == null ? "" : userId.trim();
        userName = userName == null ? "" : userName.trim();
        teamId = teamId == null ? "" : teamId.trim();
        responseUrl = responseUrl == null ? "" : responseUrl.trim();
    }

    /** Reads Slack's form body; unknown fields are ignored, missing ones are empty. */
    public static SlackCommand fromForm(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                fields.putIfAbsent(decode(name), decode(value));
            }
        }
        return new SlackCommand(
                fields.get("command"),
                fields.get("text"),
                fields.get("user_id"),
                fields.get("user_name"),
                fields.get("team_id"),
                fields.get("response_url"));
    }

    /**
     * The form body Slack would send for this command (the simulator signs and posts it).
     *
     * @param triggerId unique per request, as Slack's: two sends of one command are two requests
     */
    public String toForm(String triggerId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "unused-verification-token");
        fields.put("team_id", teamId);
        fields.put("user_id", userId);
        fields.put("user_name", userName);
        fields.put("command", command);
        fields.put("text", text);
        fields.put("response_url", responseUrl);
        fields.put("trigger_id", triggerId);
        StringJoiner form = new StringJoiner("&");
        fields.forEach((name, value) -> form.add(encode(name) + "=" + encode(value)));
        return form.toString();
    }

    /** Who sent it, as stored with a self-registered row: {@code <team>/<user>}. */
    public String sender() {
        return teamId + "/" + userId;
    }

    public boolean isHook() {
        return HOOK.equals(command);
    }

    public boolean isUnhook() {
        return UNHOOK.equals(command);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A malformed escape reads as the raw text; validation then names what is wrong.
            return Objects.toString(value, "");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
