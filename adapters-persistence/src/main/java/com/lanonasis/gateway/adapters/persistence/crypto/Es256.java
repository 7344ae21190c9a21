package com.lanonasis.gateway.adapters.persistence.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ES256 (ECDSA on P-256 with SHA-256, RFC 7518 §3.4) on Bouncy Castle's lightweight API and its
 * dedicated P-256 field arithmetic, for Nimbus. The same algorithm, keys and signature format as
 * Nimbus' own {@code ECDSASigner}/{@code ECDSAVerifier}, at a fraction of the cost: the JCA path
 * (the JDK's provider, or Bouncy Castle's through JCA, which uses generic curve arithmetic) made
 * signing the largest single cost of {@code client_credentials} (docs/performance.md).
 */
final class Es256 {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());
    private static final int HALF = 32;
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256);

    private Es256() {
    }

    static JWSSigner signer(ECKey key) throws JOSEException {
        if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve())) {
            throw new JOSEException("an ES256 signer needs a private P-256 key");
        }
        return new Signer(new ECPrivateKeyParameters(key.getD().decodeToBigInteger(), DOMAIN));
    }

    static JWSVerifier verifier(ECKey key) throws JOSEException {
        if (!Curve.P_256.equals(key.getCurve())) {
            throw new JOSEException("an ES256 verifier needs a P-256 key");
        }
        try {
            ECPoint point = DOMAIN.getCurve().validatePoint(key.getX().decodeToBigInteger(),
                    key.getY().decodeToBigInteger());
            return new Verifier(new ECPublicKeyParameters(point, DOMAIN));
        } catch (IllegalArgumentException e) {
            throw new JOSEException("the key's point is not on P-256", e);
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private abstract static class Base {

        private final JCAContext context = new JCAContext();

        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return ALGORITHMS;
        }

        public JCAContext getJCAContext() {
            return context;
        }

        static void requireEs256(JWSHeader header) throws JOSEException {
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
                throw new JOSEException("only ES256 is supported, not " + header.getAlgorithm());
            }
        }
    }

    private static final class Signer extends Base implements JWSSigner {

        private final ECPrivateKeyParameters key;
        private final SecureRandom random = new SecureRandom();

        Signer(ECPrivateKeyParameters key) {
            this.key = key;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            requireEs256(header);
            ECDSASigner ecdsa = new ECDSASigner();
            ecdsa.init(true, new ParametersWithRandom(key, random));
            BigInteger[] rs = ecdsa.generateSignature(sha256(signingInput));
            byte[] signature = new byte[2 * HALF];
            copyUnsigned(rs[0], signature, 0);
            copyUnsigned(rs[1], signature, HALF);
            return Base64URL.encode(signature);
        }

        private static void copyUnsigned(BigInteger value, byte[] target, int offset) {
            byte[] bytes = value.toByteArray();
            int start = bytes.length > HALF ? bytes.length - HALF : 0;
            int length = bytes.length - start;
            System.arraycopy(bytes, start, target, offset + HALF - length, length);
        }
    }

    private static final class Verifier extends Base implements JWSVerifier {

        private final ECPublicKeyParameters key;

        Verifier(ECPublicKeyParameters key) {
            this.key = key;
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            requireEs256(header);
            byte[] bytes = signature.decode();
            if (bytes.length != 2 * HALF) {
                return false;
            }
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(bytes, 0, HALF));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(bytes, HALF, 2 * HALF));
            ECDSASigner ecdsa = new ECDSASigner();
            ecdsa.init(false, key);
            // rejects r or s outside [1, n-1]
            return ecdsa.verifySignature(sha256(signingInput), r, s);
        }
    }
}
