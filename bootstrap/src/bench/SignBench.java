import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.util.Date;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Issue 16: what one JWT signature costs, per algorithm and provider, on the running JDK. A plain loop
 * (warm-up, then timed), single thread: microseconds per sign/verify of a typical access token.
 * Usage: java -cp bootstrap/target/onasis-gateway.jar bootstrap/src/bench/SignBench.java [iterations, default 20000]
 */
public class SignBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        System.out.println("JDK " + Runtime.version());
        Provider bc = new BouncyCastleProvider();
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://localhost:4000").subject("client-1234")
                .audience("http://localhost:4000/api/v1").jwtID("0193e0b2-4a7c-7d2e-9f00-123456789abc")
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 3600_000))
                .claim("client_id", "client-1234").claim("scope", "memories:read").build();
        for (Provider provider : new Provider[] {null, bc}) {
            ECDSASigner signer = new ECDSASigner(key);
            ECDSAVerifier verifier = new ECDSAVerifier(key.toECPublicKey());
            if (provider != null) {
                signer.getJCAContext().setProvider(provider);
                verifier.getJCAContext().setProvider(provider);
            }
            String name = "ES256 (Nimbus, " + (provider == null ? "JDK SunEC" : "Bouncy Castle") + ")";
            time(name + " sign", n, () -> {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k")
                        .type(new JOSEObjectType("at+jwt")).build(), claims);
                jwt.sign(signer);
                return jwt.serialize();
            });
            SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k").build(), claims);
            signed.sign(signer);
            String compact = signed.serialize();
            time(name + " verify", n, () -> SignedJWT.parse(compact).verify(verifier));
        }
        byte[] payload = new byte[300];
        {
            org.bouncycastle.asn1.x9.X9ECParameters p256 = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256r1");
            org.bouncycastle.crypto.params.ECDomainParameters domain = new org.bouncycastle.crypto.params.ECDomainParameters(
                    p256.getCurve(), p256.getG(), p256.getN(), p256.getH());
            java.math.BigInteger d = key.toECPrivateKey().getS();
            org.bouncycastle.crypto.params.ECPrivateKeyParameters priv = new org.bouncycastle.crypto.params.ECPrivateKeyParameters(d, domain);
            org.bouncycastle.math.ec.ECPoint q = new org.bouncycastle.math.ec.FixedPointCombMultiplier().multiply(domain.getG(), d).normalize();
            org.bouncycastle.crypto.params.ECPublicKeyParameters pub = new org.bouncycastle.crypto.params.ECPublicKeyParameters(q, domain);
            java.security.SecureRandom random = new java.security.SecureRandom();
            time("ES256 (BC lightweight, custom P-256) sign", n, () -> {
                byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(payload);
                org.bouncycastle.crypto.signers.ECDSASigner s = new org.bouncycastle.crypto.signers.ECDSASigner();
                s.init(true, new org.bouncycastle.crypto.params.ParametersWithRandom(priv, random));
                return s.generateSignature(hash);
            });
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(payload);
            org.bouncycastle.crypto.signers.ECDSASigner s0 = new org.bouncycastle.crypto.signers.ECDSASigner();
            s0.init(true, new org.bouncycastle.crypto.params.ParametersWithRandom(priv, random));
            java.math.BigInteger[] rs = s0.generateSignature(hash);
            time("ES256 (BC lightweight, custom P-256) verify", n, () -> {
                org.bouncycastle.crypto.signers.ECDSASigner s = new org.bouncycastle.crypto.signers.ECDSASigner();
                s.init(false, pub);
                if (!s.verifySignature(hash, rs[0], rs[1])) throw new IllegalStateException();
                return null;
            });
        }
        for (String[] alg : new String[][] {{"Ed25519", "Ed25519"}, {"RSA", "SHA256withRSA"}}) {
            for (Provider provider : new Provider[] {null, bc}) {
                KeyPairGenerator generator = provider == null ? KeyPairGenerator.getInstance(alg[0])
                        : KeyPairGenerator.getInstance(alg[0], provider);
                if (alg[0].equals("RSA")) {
                    generator.initialize(2048);
                }
                KeyPair pair = generator.generateKeyPair();
                String name = alg[1] + " (" + (provider == null ? "JDK" : "Bouncy Castle") + ", raw JCA)";
                int iterations = alg[0].equals("RSA") ? n / 10 : n;
                time(name + " sign", iterations, () -> {
                    Signature s = provider == null ? Signature.getInstance(alg[1]) : Signature.getInstance(alg[1], provider);
                    s.initSign(pair.getPrivate());
                    s.update(payload);
                    return s.sign();
                });
            }
        }
    }

    interface Work {
        Object run() throws Exception;
    }

    static void time(String name, int n, Work work) throws Exception {
        for (int i = 0; i < n / 2; i++) {
            work.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            work.run();
        }
        System.out.printf("%-45s %8.1f µs%n", name, (System.nanoTime() - start) / 1e3 / n);
    }
}
