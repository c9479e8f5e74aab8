package com.salesai.dashboard.pages;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the pages need to know about their deployment, served to them as {@code GET /config.json}: where to sign in
 * ({@code issuer}, empty when no identity provider is configured), as which public client, where the integration API
 * and analysis-service's settings API are (empty: this origin), and whether the developer sign-in (a pasted dev token)
 * can work here. Nothing secret.
 */
public record PagesSettings(String issuer, String clientId, String integrationApiUrl, String analysisApiUrl,
                            boolean devTokensAccepted) {

    public PagesSettings {
        issuer = issuer == null ? "" : issuer.strip();
        integrationApiUrl = baseUrl(integrationApiUrl);
        analysisApiUrl = baseUrl(analysisApiUrl);
        // a malformed URL fails start-up instead of a policy or a sign-in that silently goes nowhere
        originOf(issuer);
        originOf(integrationApiUrl);
        originOf(analysisApiUrl);
    }

    /**
     * Scripts, styles and images from this origin only; calls to this origin, the integration API's, analysis-service's
     * and the issuer's
     * (discovery, token, revocation: the pages make them; the authorization and logout endpoints are navigations).
     */
    public String contentSecurityPolicy() {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        connect.add(originOf(integrationApiUrl));
        connect.add(originOf(analysisApiUrl));
        connect.add(originOf(issuer));
        connect.remove("");
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src "
                + String.join(" ", connect)
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** scheme://host[:port] of an absolute http(s) URL, "" for an empty one (this origin). */
    static String originOf(String url) {
        if (url.isEmpty()) {
            return "";
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Not a URL: " + url, e);
        }
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            throw new IllegalStateException("Not an absolute http(s) URL: " + url);
        }
        return scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static String baseUrl(String url) {
        String stripped = url == null ? "" : url.strip();
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
