package com.salesai.analysis.flow;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** Reads the prompts the fake OpenAI received: messages, and the untrusted-data blocks inside them. */
final class Prompts {
    static final String CLOSE = "<<<FIN_DONNÉES_NON_FIABLES>>>";
    private static final Pattern BLOCK = Pattern.compile(
            "<<<DONNÉES_NON_FIABLES id=[a-z_]+>>>\n.*?\n" + Pattern.quote(CLOSE), Pattern.DOTALL);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Prompts() {
    }

    static String open(String id) {
        return "<<<DONNÉES_NON_FIABLES id=" + id + ">>>";
    }

    /** The requests whose body contains {@code marker} (a call's title), oldest first. */
    static List<LoggedRequest> requests(String marker) {
        return FakeOpenAi.SERVER.findAll(postRequestedFor(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing(marker)));
    }

    static String system(LoggedRequest request) {
        return message(request, 0);
    }

    static String user(LoggedRequest request) {
        return message(request, 1);
    }

    private static String message(LoggedRequest request, int index) {
        return JSON.readTree(request.getBodyAsString()).path("messages").path(index).path("content").asString();
    }

    /** The data of the block {@code id} in {@code content}. */
    static String block(String content, String id) {
        int start = content.indexOf(open(id) + "\n");
        if (start < 0) {
            throw new AssertionError("no block " + id + " in the prompt");
        }
        int dataStart = start + open(id).length() + 1;
        return content.substring(dataStart, content.indexOf("\n" + CLOSE, dataStart));
    }

    /** {@code content} with every untrusted-data block taken out: what the model reads as instructions. */
    static String outsideBlocks(String content) {
        return BLOCK.matcher(content).replaceAll("");
    }
}
