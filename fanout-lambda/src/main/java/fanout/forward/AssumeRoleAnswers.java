package fanout.forward;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.sts.model.PackedPolicyTooLargeException;
import software.amazon.awssdk.services.sts.model.RegionDisabledException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * STS's query-protocol (XML) answers to AssumeRole, read as the SDK reads them: the session's
 * credentials from a 200, and a refused call as an {@link StsException} with STS's code, message,
 * status and request id, so {@link AwsFailures} classifies both ways of calling alike. The parser
 * reads no DTD and resolves no external entity.
 */
final class AssumeRoleAnswers {
    /** StAX factories are not promised to be thread-safe: one per destination thread. */
    private static final ThreadLocal<XMLInputFactory> XML =
            ThreadLocal.withInitial(AssumeRoleAnswers::factory);

    private static final Set<String> CREDENTIALS =
            Set.of("AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration");

    private static final Set<String> ERROR = Set.of("Code", "Message", "RequestId");

    /** STS's modeled AssumeRole errors, by the code the service answers. */
    private static final Map<String, Supplier<AwsServiceException.Builder>> MODELED =
            Map.of(
                    "ExpiredTokenException", ExpiredTokenException::builder,
                    "MalformedPolicyDocument", MalformedPolicyDocumentException::builder,
                    "PackedPolicyTooLarge", PackedPolicyTooLargeException::builder,
                    "RegionDisabledException", RegionDisabledException::builder);

    private AssumeRoleAnswers() {}

    /** The credentials of a 200's {@code AssumeRoleResult}. */
    static Credentials credentials(byte[] body) {
        Map<String, String> found = leaves(body, CREDENTIALS);
        if (!found.keySet().containsAll(CREDENTIALS)) {
            throw SdkClientException.create(
                    "Unable to unmarshall response: AssumeRole answered without "
                            + CREDENTIALS.stream()
                                    .filter(f -> !found.containsKey(f))
                                    .sorted()
                                    .toList());
        }
        Instant expiration;
        try {
            expiration = Instant.parse(found.get("Expiration"));
        } catch (DateTimeParseException e) {
            throw SdkClientException.create(
                    "Unable to unmarshall response: Expiration is not a time: "
                            + found.get("Expiration"),
                    e);
        }
        return Credentials.builder()
                .accessKeyId(found.get("AccessKeyId"))
                .secretAccessKey(found.get("SecretAccessKey"))
                .sessionToken(found.get("SessionToken"))
                .expiration(expiration)
                .build();
    }

    /**
     * A refused call after {@code attempts} attempts: {@code ErrorResponse/Error/Code} and {@code
     * Message}, as the modeled exception for the codes AssumeRole answers ({@link StsException}
     * otherwise); a body that is not STS's XML (a proxy's page) leaves the status alone to say what
     * happened, as for the SDK.
     */
    static StsException failure(SdkHttpResponse response, byte[] body, int attempts) {
        Map<String, String> found;
        try {
            found = leaves(body, ERROR);
        } catch (SdkClientException e) {
            found = Map.of();
        }
        String code = found.get("Code");
        return (StsException)
                (code == null ? StsException.builder() : builder(code))
                        .awsErrorDetails(
                                AwsErrorDetails.builder()
                                        .errorCode(code)
                                        .errorMessage(found.get("Message"))
                                        .serviceName("Sts")
                                        .sdkHttpResponse(response)
                                        .build())
                        .statusCode(response.statusCode())
                        .requestId(found.get("RequestId"))
                        .message(found.get("Message"))
                        .numAttempts(attempts)
                        .build();
    }

    private static AwsServiceException.Builder builder(String code) {
        return MODELED.getOrDefault(code, StsException::builder).get();
    }

    /** The text of the first element of each wanted local name, wherever it is. */
    private static Map<String, String> leaves(byte[] body, Set<String> wanted) {
        Map<String, String> found = new HashMap<>();
        try {
            XMLStreamReader xml = XML.get().createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (xml.hasNext() && found.size() < wanted.size()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT
                            && wanted.contains(xml.getLocalName())
                            && !found.containsKey(xml.getLocalName())) {
                        String name = xml.getLocalName();
                        found.put(name, xml.getElementText().trim());
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw SdkClientException.create("Unable to unmarshall response: " + e.getMessage(), e);
        }
        return found;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
