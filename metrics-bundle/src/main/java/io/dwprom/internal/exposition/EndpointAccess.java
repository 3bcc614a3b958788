package io.dwprom.internal.exposition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Who may scrape: anyone, or a client presenting the configured bearer token or basic-auth credentials (either
 * is enough when both are set). Credentials are compared in constant time.
 */
public final class EndpointAccess {

    private static final EndpointAccess OPEN = new EndpointAccess(List.of());

    private final List<byte[]> acceptedAuthorizations;

    private EndpointAccess(List<byte[]> acceptedAuthorizations) {
        this.acceptedAuthorizations = acceptedAuthorizations;
    }

    public static EndpointAccess open() {
        return OPEN;
    }

    /** Access for the given credentials; null or empty ones are not accepted as a way in. */
    public static EndpointAccess of(String bearerToken, String username, String password) {
        List<byte[]> accepted = new ArrayList<>();
        if (bearerToken != null && !bearerToken.isEmpty()) {
            accepted.add(("Bearer " + bearerToken).getBytes(StandardCharsets.UTF_8));
        }
        if (username != null && !username.isEmpty() && password != null) {
            String credentials = Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            accepted.add(("Basic " + credentials).getBytes(StandardCharsets.UTF_8));
        }
        return accepted.isEmpty() ? OPEN : new EndpointAccess(List.copyOf(accepted));
    }

    public boolean isOpen() {
        return acceptedAuthorizations.isEmpty();
    }

    /** Whether a request with this {@code Authorization} header value may scrape. */
    public boolean permits(String authorization) {
        if (isOpen()) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        byte[] presented = authorization.trim().getBytes(StandardCharsets.UTF_8);
        boolean permitted = false;
        for (byte[] accepted : acceptedAuthorizations) {
            permitted |= MessageDigest.isEqual(accepted, presented);
        }
        return permitted;
    }

    /** The {@code WWW-Authenticate} challenge to send with a 401. */
    public String challenge() {
        boolean basic = acceptedAuthorizations.stream()
                .anyMatch(a -> new String(a, StandardCharsets.UTF_8).startsWith("Basic "));
        return basic ? "Basic realm=\"prometheus\"" : "Bearer realm=\"prometheus\"";
    }
}
