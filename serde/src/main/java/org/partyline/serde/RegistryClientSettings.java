package org.partyline.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a registry client authenticates and whom it trusts, read from Confluent's client setting names:
 * {@code schema.registry.basic.auth.user.info} (or {@code basic.auth.user.info}) with
 * {@code basic.auth.credentials.source} {@code USER_INFO} (the default) or {@code URL} (credentials in the URL's
 * userinfo), and {@code schema.registry.ssl.truststore.location} / {@code .password} / {@code .type} for HTTPS with
 * a private CA. {@link #toString()} never shows a secret.
 */
public final class RegistryClientSettings {

    public static final String PREFIX = "schema.registry.";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String SSL_TRUSTSTORE_LOCATION = "ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "ssl.truststore.type";

    /** No credentials, the JVM's default trust store. */
    public static final RegistryClientSettings NONE = new RegistryClientSettings(null, null, null, null, false);

    private final String userInfo;
    private final Path truststore;
    private final String truststorePassword;
    private final String truststoreType;
    private final boolean userInfoFromUrl;

    private RegistryClientSettings(String userInfo, Path truststore, String truststorePassword, String truststoreType,
                                   boolean userInfoFromUrl) {
        this.userInfo = userInfo;
        this.truststore = truststore;
        this.truststorePassword = truststorePassword;
        this.truststoreType = truststoreType;
        this.userInfoFromUrl = userInfoFromUrl;
    }

    /**
     * Reads the settings from a client configuration map (serializer {@code configure}, a properties file); each name
     * is looked up with the {@code schema.registry.} prefix first, then without it.
     *
     * @throws IllegalArgumentException naming the setting when a value is not usable (never showing a secret)
     */
    public static RegistryClientSettings from(Map<String, ?> configs) {
        String source = value(configs, BASIC_AUTH_CREDENTIALS_SOURCE).map(s -> s.toUpperCase(Locale.ROOT))
                .orElse("USER_INFO");
        if (!source.equals("USER_INFO") && !source.equals("URL")) {
            throw new IllegalArgumentException(BASIC_AUTH_CREDENTIALS_SOURCE + " must be USER_INFO or URL, not '"
                    + source + "'");
        }
        String userInfo = value(configs, BASIC_AUTH_USER_INFO).orElse(null);
        if (userInfo != null && !userInfo.contains(":")) {
            throw new IllegalArgumentException(PREFIX + BASIC_AUTH_USER_INFO + " must be USER:PASSWORD");
        }
        Path truststore = value(configs, SSL_TRUSTSTORE_LOCATION).map(Path::of).orElse(null);
        String password = value(configs, SSL_TRUSTSTORE_PASSWORD).orElse(null);
        String type = value(configs, SSL_TRUSTSTORE_TYPE).orElse(null);
        return new RegistryClientSettings(source.equals("URL") ? null : userInfo, truststore, password, type,
                source.equals("URL"));
    }

    /** A copy that authenticates with {@code userInfo} ({@code USER:PASSWORD}). */
    public RegistryClientSettings withUserInfo(String userInfo) {
        return new RegistryClientSettings(userInfo, truststore, truststorePassword, truststoreType, false);
    }

    public boolean hasCredentials() {
        return userInfo != null;
    }

    /** True when {@code basic.auth.credentials.source=URL}: the credentials come from the URL's userinfo. */
    boolean userInfoFromUrl() {
        return userInfoFromUrl;
    }

    /** The value of the {@code Authorization} header, if any credentials are set. */
    Optional<String> authorization() {
        if (userInfo == null) {
            return Optional.empty();
        }
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    }

    /** An SSL context trusting the configured trust store, or empty for the JVM's defaults. */
    Optional<SSLContext> sslContext() {
        if (truststore == null) {
            return Optional.empty();
        }
        String type = truststoreType == null ? KeyStore.getDefaultType() : truststoreType;
        try (InputStream in = Files.newInputStream(truststore)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, truststorePassword == null ? null : truststorePassword.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the trust store " + truststore + " (" + PREFIX
                    + SSL_TRUSTSTORE_LOCATION + ", type " + type + "): " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private static Optional<String> value(Map<String, ?> configs, String name) {
        Object v = configs.get(PREFIX + name);
        if (v == null) {
            v = configs.get(name);
        }
        if (v == null) {
            return Optional.empty();
        }
        String text = v instanceof org.apache.kafka.common.config.types.Password p ? p.value() : v.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    @Override
    public String toString() {
        return "RegistryClientSettings[basic auth " + (userInfo != null ? "set" : userInfoFromUrl ? "from URL" : "none")
                + ", trust store " + (truststore == null ? "JVM default" : truststore) + "]";
    }
}
