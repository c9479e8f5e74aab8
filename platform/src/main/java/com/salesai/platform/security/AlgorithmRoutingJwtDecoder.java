package com.salesai.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.text.ParseException;

/**
 * Sends each token to the one decoder its {@code alg} header names: HS256 to the dev decoder, any other signature
 * algorithm to the identity provider's (which accepts RS256 only). Never one then the other: a token fails or
 * passes on its own kind's rules, and an HS256 token is refused outright where no dev secret is set, so a public
 * RSA key can never be used as an HMAC secret.
 */
final class AlgorithmRoutingJwtDecoder implements JwtDecoder {
    private final JwtDecoder issued;
    private final JwtDecoder dev;

    /** Either may be null where that kind of token is not accepted. */
    AlgorithmRoutingJwtDecoder(JwtDecoder issued, JwtDecoder dev) {
        this.issued = issued;
        this.dev = dev;
    }

    @Override
    public Jwt decode(String token) {
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new BadJwtException("Malformed token", e);
        }
        if (!(parsed instanceof SignedJWT signed)) {
            throw new BadJwtException("Unsigned or encrypted tokens are not accepted");
        }
        JwtDecoder decoder = JWSAlgorithm.HS256.equals(signed.getHeader().getAlgorithm()) ? dev : issued;
        if (decoder == null) {
            throw new BadJwtException("Tokens signed with " + signed.getHeader().getAlgorithm() + " are not accepted here");
        }
        return decoder.decode(token);
    }
}
