package com.salesai.platform.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * RFC 9457 problem+json written straight to a servlet response, for the filters that answer before any controller
 * (and so before Spring MVC's problem details) runs. Callers pass fixed text only: nothing is escaped.
 */
public final class ProblemResponses {
    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
