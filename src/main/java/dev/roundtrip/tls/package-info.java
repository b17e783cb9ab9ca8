/**
 * The TLS port's certificate: made with BouncyCastle, kept under the Roundtrip home, renewed when
 * expired. JDK types out ({@code X509Certificate}, {@code PrivateKey}), so no other package meets BouncyCastle.
 */
package dev.roundtrip.tls;
