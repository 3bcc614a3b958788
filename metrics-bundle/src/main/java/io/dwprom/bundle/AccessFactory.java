package io.dwprom.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import io.dwprom.internal.exposition.EndpointAccess;
import jakarta.validation.constraints.Pattern;

/**
 * Optional protection of the endpoint ({@code prometheus.path} alone: Dropwizard's other admin endpoints on the
 * same port, such as {@code /metrics} and {@code /threads}, stay as open as the port is). With neither set, anyone
 * who reaches the admin port may scrape (keep that port off public networks in any case). Use
 * {@code ${ENV_VAR}} substitution to keep secrets out of the file. A key that is present must hold a value: a
 * blank one, or one still holding {@code ${...}} (Dropwizard leaves the reference in place when the variable is
 * unset), fails the start-up rather than leaving the endpoint open or making the literal text the secret.
 *
 * <table>
 * <caption>Keys under {@code prometheus.access}</caption>
 * <tr><th>key</th><th>default</th><th>description</th></tr>
 * <tr><td>bearerToken</td><td>-</td><td>accept {@code Authorization: Bearer <token>}</td></tr>
 * <tr><td>username</td><td>-</td><td>with {@code password}: accept HTTP basic authentication</td></tr>
 * <tr><td>password</td><td>-</td><td></td></tr>
 * </table>
 */
public class AccessFactory {

    private static final String SET_AND_RESOLVED = "(?s)(?!.*\\$\\{).*\\S.*";
    private static final String SET_AND_RESOLVED_MESSAGE = "must not be blank nor hold an unresolved environment "
            + "variable substitution (is the variable set?): leave the key out to keep the endpoint open";

    @Pattern(regexp = SET_AND_RESOLVED, message = SET_AND_RESOLVED_MESSAGE)
    private String bearerToken;
    @Pattern(regexp = SET_AND_RESOLVED, message = SET_AND_RESOLVED_MESSAGE)
    private String username;
    @Pattern(regexp = SET_AND_RESOLVED, message = SET_AND_RESOLVED_MESSAGE)
    private String password;

    @JsonProperty
    public String getBearerToken() {
        return bearerToken;
    }

    @JsonProperty
    public void setBearerToken(String bearerToken) {
        this.bearerToken = bearerToken;
    }

    @JsonProperty
    public String getUsername() {
        return username;
    }

    @JsonProperty
    public void setUsername(String username) {
        this.username = username;
    }

    @JsonProperty
    public String getPassword() {
        return password;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password;
    }

    @ValidationMethod(message = "access.username and access.password must be set together, the password non-empty")
    public boolean isBasicAuthComplete() {
        boolean hasUser = username != null && !username.isEmpty();
        boolean hasPassword = password != null && !password.isEmpty();
        return hasUser == hasPassword;
    }

    EndpointAccess build() {
        return EndpointAccess.of(bearerToken, username, password);
    }
}
