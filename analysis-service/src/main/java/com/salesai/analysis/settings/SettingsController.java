package com.salesai.analysis.settings;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The caller's organization's analysis settings (design: Org analysis settings): any member reads them, a head of
 * sales or an admin changes them; the org is the token's {@code org_id}, so another org's settings are never reached.
 */
@RestController
@RequestMapping("/api/analysis")
class SettingsController {
    private static final Set<String> EDITORS = Set.of("head_of_sales", "admin");

    private final OrgSettings orgSettings;

    SettingsController(OrgSettings orgSettings) {
        this.orgSettings = orgSettings;
    }

    @GetMapping("/settings")
    AnalysisSettings settings(@AuthenticationPrincipal Jwt caller) {
        return orgSettings.current(orgId(caller));
    }

    @PutMapping("/settings")
    AnalysisSettings change(@AuthenticationPrincipal Jwt caller, @RequestBody SettingsRequest requested) {
        if (!EDITORS.contains(caller.getClaimAsString("org_role"))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only a head of sales or an admin changes the analysis settings");
        }
        return orgSettings.change(orgId(caller), requested.settings(), caller.getSubject());
    }

    /** The presets in {@code language}, by default the org's. */
    @GetMapping("/scorecard-presets")
    List<Preset> presets(@AuthenticationPrincipal Jwt caller, @RequestParam(required = false) String language) {
        String in = language != null ? language : orgSettings.current(orgId(caller)).language();
        return ScorecardPresets.names().stream().map(name -> ScorecardPresets.of(name, in, 1).orElseThrow())
                .map(card -> new Preset(card.name(), card.criteria())).toList();
    }

    @ExceptionHandler(InvalidSettingsException.class)
    ProblemDetail invalid(InvalidSettingsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.errors().size() + " field(s) refused");
        problem.setTitle("Invalid analysis settings");
        problem.setProperty("errors", e.errors().stream()
                .map(error -> Map.of("field", error.field(), "detail", error.message())).toList());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is not analysis settings: a JSON object with language, scorecard {name, criteria}, "
                        + "analyzeInternalMeetings and dailyTokenBudget");
        problem.setTitle("Unreadable analysis settings");
        return problem;
    }

    @ExceptionHandler(OrgSettings.ConcurrentSettingsChangeException.class)
    ProblemDetail raced(OrgSettings.ConcurrentSettingsChangeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The scorecard was changed meanwhile: reload");
    }

    private static String orgId(Jwt caller) {
        return caller.getClaimAsString("org_id");
    }

    /**
     * A PUT's body: the scorecard without a version, which the service assigns (the pages send none); an absent
     * {@code analyzeInternalMeetings} is false.
     */
    record SettingsRequest(String language, ScorecardRequest scorecard, Boolean analyzeInternalMeetings,
                           Long dailyTokenBudget) {
        AnalysisSettings settings() {
            return new AnalysisSettings(language,
                    scorecard == null ? null : new AnalysisSettings.Scorecard(scorecard.name(), 0, scorecard.criteria()),
                    Boolean.TRUE.equals(analyzeInternalMeetings), dailyTokenBudget);
        }
    }

    record ScorecardRequest(String name, List<AnalysisSettings.Criterion> criteria) {
    }

    /** A preset scorecard, as the pages offer it: its name and criteria. */
    record Preset(String name, List<AnalysisSettings.Criterion> criteria) {
    }
}
