package dev.roundtrip.wire;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server's one key and certificate, handed to the TLS engine as they are. Netty's
 * {@code forServer(key, certificate)} puts them in a PKCS#12 key store first, whose password-based
 * encryption (PBKDF2) was nearly half of the engine's start; nothing here needs a store.
 * Offers the key only for its own algorithm (EC), so the engine picks a signature scheme it can make.
 */
final class OneKeyManager extends X509ExtendedKeyManager {
    static final String ALIAS = "localhost";
    private final PrivateKey key;
    private final X509Certificate[] chain;

    OneKeyManager(PrivateKey key, X509Certificate certificate) {
        if (!key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
            throw new IllegalArgumentException("the key (" + key.getAlgorithm() + ") does not belong to the certificate ("
                    + certificate.getPublicKey().getAlgorithm() + ")");
        }
        this.key = key;
        this.chain = new X509Certificate[] {certificate};
    }

    private String aliasFor(String keyType) {
        return key.getAlgorithm().equalsIgnoreCase(keyType) ? ALIAS : null;
    }

    @Override public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) { return aliasFor(keyType); }
    @Override public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) { return aliasFor(keyType); }
    @Override public String[] getServerAliases(String keyType, Principal[] issuers) {
        return aliasFor(keyType) == null ? null : new String[] {ALIAS};
    }

    // the server never authenticates itself as a client
    @Override public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) { return null; }
    @Override public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) { return null; }
    @Override public String[] getClientAliases(String keyType, Principal[] issuers) { return null; }

    @Override public X509Certificate[] getCertificateChain(String alias) { return ALIAS.equals(alias) ? chain.clone() : null; }
    @Override public PrivateKey getPrivateKey(String alias) { return ALIAS.equals(alias) ? key : null; }
}
