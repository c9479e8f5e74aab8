package com.salesai.devidp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the pages and a person do against the provider over real HTTP: sign in, exchange the code, refresh. */
final class Browser {
    static final String WEB_CLIENT = "call-intelligence-web";
    static final String REDIRECT_URI = "http://localhost:8080/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Browser(String base) {
        this.base = base;
    }

    /** Signs in on the login page and returns the authorization code the provider redirects back with. */
    String signIn(String username, String password, String codeVerifier) throws Exception {
        String authorize = base + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", WEB_CLIENT,
                "redirect_uri", REDIRECT_URI, "scope", "openid profile email", "state", "s1",
                "code_challenge", challenge(codeVerifier), "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = get(authorize);
        assertStatus(toLogin, 302);
        HttpResponse<String> loginPage = get(location(toLogin));
        Matcher csrf = CSRF.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF field on the login page: " + loginPage.body());
        }
        HttpResponse<String> signedIn = post(base + "/login", Map.of("username", username, "password", password,
                "_csrf", csrf.group(1)), null);
        assertStatus(signedIn, 302);
        HttpResponse<String> back = get(location(signedIn));
        assertStatus(back, 302);
        URI redirect = URI.create(location(back));
        if (!redirect.toString().startsWith(REDIRECT_URI)) {
            throw new AssertionError("redirected to " + redirect);
        }
        return query(redirect).get("code");
    }

    JsonNode exchange(String code, String codeVerifier) throws Exception {
        HttpResponse<String> reply = token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI, "client_id", WEB_CLIENT, "code_verifier", codeVerifier), null);
        assertStatus(reply, 200);
        return JSON.readTree(reply.body());
    }

    HttpResponse<String> refresh(String refreshToken) throws Exception {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", WEB_CLIENT),
                null);
    }

    HttpResponse<String> token(Map<String, String> fields, String basicAuth) throws Exception {
        return post(base + "/oauth2/token", fields, basicAuth);
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url, String origin) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Origin", origin).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, Map<String, String> fields, String basicAuth)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A CORS preflight, as the browser sends it before a cross-origin POST of a form. */
    HttpResponse<String> preflight(String url, String origin) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> reply) {
        return JSON.readTree(reply.body());
    }

    static String newVerifier() {
        return UUID.randomUUID() + "-" + UUID.randomUUID();
    }

    private static String challenge(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private String location(HttpResponse<String> reply) {
        String location = reply.headers().firstValue("Location").orElseThrow();
        return location.startsWith("/") ? base + location : location;
    }

    private static void assertStatus(HttpResponse<String> reply, int status) {
        if (reply.statusCode() != status) {
            throw new AssertionError(reply.uri() + " answered " + reply.statusCode() + " " + reply.headers().map()
                    + " " + reply.body());
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
