package fanout.console.aws.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.console.aws.policy.AwsFaults;
import java.io.IOException;
import java.util.Collection;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;

/**
 * IAM's quotas and name rules, with the errors IAM sends: role names up to 64 and policy names up
 * to 128 characters of {@code [\w+=,.@-]}; a role's inline policies together up to 10,240
 * characters and its trust policy up to 2,048 (whitespace not counted); 10 managed policies per
 * role; documents must be JSON with a Statement.
 */
final class IamLimits {
    static final int ROLE_NAME_MAX = 64;
    static final int POLICY_NAME_MAX = 128;
    static final int INLINE_POLICIES_MAX_CHARS = 10_240;
    static final int TRUST_POLICY_MAX_CHARS = 2_048;
    static final int MANAGED_POLICIES_PER_ROLE = 10;

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private IamLimits() {}

    static void requireName(String field, String value, int max) {
        if (value == null || value.length() > max || !NAME.matcher(value).matches()) {
            throw AwsFaults.IAM.<IamException>fault(
                    IamException.builder(),
                    "ValidationError",
                    400,
                    "1 validation error detected: Value '"
                            + value
                            + "' at '"
                            + field
                            + "' failed to satisfy constraint: Member must have length less than"
                            + " or equal to "
                            + max
                            + " and satisfy regular expression pattern: [\\w+=,.@-]+");
        }
    }

    static void requireDocument(String document) {
        try {
            if (document == null || !JSON.readTree(document).has("Statement")) {
                throw malformed();
            }
        } catch (IOException e) {
            throw malformed();
        }
    }

    static void requireInlineSize(String role, Collection<String> documents) {
        int total = documents.stream().mapToInt(IamLimits::counted).sum();
        if (total > INLINE_POLICIES_MAX_CHARS) {
            throw limit(
                    "Maximum policy size of "
                            + INLINE_POLICIES_MAX_CHARS
                            + " bytes exceeded for role "
                            + role);
        }
    }

    static void requireTrustSize(String document) {
        if (counted(document) > TRUST_POLICY_MAX_CHARS) {
            throw limit("Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_MAX_CHARS);
        }
    }

    static void requireAttachable(int alreadyAttached) {
        if (alreadyAttached >= MANAGED_POLICIES_PER_ROLE) {
            throw limit("Cannot exceed quota for PoliciesPerRole: " + MANAGED_POLICIES_PER_ROLE);
        }
    }

    /** IAM counts a policy's size without whitespace. */
    private static int counted(String document) {
        return document.replaceAll("\\s", "").length();
    }

    private static LimitExceededException limit(String message) {
        return AwsFaults.IAM.fault(LimitExceededException.builder(), "LimitExceeded", 409, message);
    }

    static MalformedPolicyDocumentException malformed() {
        return malformed("Syntax errors in policy.");
    }

    static MalformedPolicyDocumentException malformed(String message) {
        return AwsFaults.IAM.fault(
                MalformedPolicyDocumentException.builder(),
                "MalformedPolicyDocument",
                400,
                message);
    }
}
