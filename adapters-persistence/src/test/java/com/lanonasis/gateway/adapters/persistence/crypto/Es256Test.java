package com.lanonasis.gateway.adapters.persistence.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fast ES256 signer and verifier agree with Nimbus' JCA-based ones, both ways, and refuse what they must. */
class Es256Test {

    private final ECKey key = generate();
    private final JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://issuer.example").subject("s")
            .claim("scope", "memories:read").build();

    @Test
    void itsSignaturesVerifyWithTheJdkAndTheJdksWithIt() throws Exception {
        for (int i = 0; i < 200; i++) { // r or s with leading zero bytes come up about once in 128 signatures
            SignedJWT ours = signed(Es256.signer(key));
            assertEquals(64, ours.getSignature().decode().length);
            assertTrue(ours.verify(new ECDSAVerifier(key.toECPublicKey())), "the JDK verifies ours");
            assertTrue(SignedJWT.parse(ours.serialize()).verify(Es256.verifier(key.toPublicJWK())));

            SignedJWT jdks = signed(new ECDSASigner(key));
            assertTrue(SignedJWT.parse(jdks.serialize()).verify(Es256.verifier(key.toPublicJWK())), "we verify the JDK's");
        }
    }

    @Test
    void refusesTamperedForeignMalformedAndOtherAlgorithms() throws Exception {
        SignedJWT token = signed(Es256.signer(key));
        String[] parts = token.serialize().split("\\.");
        JWSVerifier verifier = Es256.verifier(key.toPublicJWK());
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        JWSHeader header = token.getHeader();

        assertFalse(verifier.verify(header, (parts[0] + "." + parts[1] + "x").getBytes(StandardCharsets.US_ASCII),
                token.getSignature()), "changed payload");
        assertFalse(Es256.verifier(generate().toPublicJWK()).verify(header, input, token.getSignature()), "another key");
        assertFalse(verifier.verify(header, input, Base64URL.encode(new byte[64])), "r = s = 0");
        assertFalse(verifier.verify(header, input, Base64URL.encode(new byte[63])), "wrong length");
        byte[] flipped = token.getSignature().decode();
        flipped[10] ^= 1;
        assertFalse(verifier.verify(header, input, Base64URL.encode(flipped)), "changed signature");
        assertThrows(JOSEException.class, () -> verifier.verify(new JWSHeader(JWSAlgorithm.ES384), input,
                token.getSignature()));
        assertThrows(JOSEException.class, () -> Es256.signer(key.toPublicJWK()), "no private key");
        assertThrows(JOSEException.class, () -> Es256.verifier(new ECKeyGenerator(Curve.P_384).generate()));
    }

    private SignedJWT signed(JWSSigner signer) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k").build(), claims);
        jwt.sign(signer);
        return jwt;
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
