package fanout.console.sandbox;

import fanout.mapping.Arn;
import fanout.mapping.InvalidArnException;
import java.util.Objects;

/**
 * One simulated account in one region, on top of the one kinesalite that holds every account's
 * streams: its stream {@code NAME} is kinesalite's {@code ACCOUNT.REGION.NAME}.
 */
record AccountView(String account, String region) {
    /** kinesalite's own account in its error messages and ARNs. */
    private static final String KINESALITE_ACCOUNT = "000000000000";

    AccountView {
        Objects.requireNonNull(account, "account is required");
        Objects.requireNonNull(region, "region is required");
    }

    String prefix() {
        return account + "." + region + ".";
    }

    /**
     * kinesalite's name for a stream given by name or ARN, as a request of this account names it.
     */
    String physicalName(String streamName, String streamArn) {
        if (streamArn != null) {
            Arn arn;
            try {
                arn = Arn.kinesisStream(streamArn);
            } catch (InvalidArnException e) {
                throw KinesisErrors.invalidArgument(e.getMessage());
            }
            if (!arn.account().equals(account)) {
                throw KinesisErrors.accessDenied(
                        "account "
                                + account
                                + " is not authorized to access "
                                + streamArn
                                + " (another account's stream)");
            }
            return arn.account() + "." + arn.region() + "." + arn.resourceName();
        }
        if (streamName == null) {
            throw KinesisErrors.invalidArgument("either StreamName or StreamARN is required");
        }
        return prefix() + streamName;
    }

    boolean owns(String physicalName) {
        return physicalName.startsWith(prefix());
    }

    String logicalName(String physicalName) {
        return owns(physicalName) ? physicalName.substring(prefix().length()) : physicalName;
    }

    String arn(String logicalName) {
        return Arn.kinesisStreamArn(region, account, logicalName);
    }

    /** A kinesalite message as this account would read it from AWS. */
    String translate(String message) {
        if (message == null) {
            return null;
        }
        return message.replace(prefix(), "").replace(KINESALITE_ACCOUNT, account);
    }
}
