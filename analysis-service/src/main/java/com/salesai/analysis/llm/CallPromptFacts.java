package com.salesai.analysis.llm;

import com.salesai.analysis.evidence.ClockTime;
import com.salesai.analysis.evidence.TranscriptEvidence;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.ConversationMetrics;
import com.salesai.schema.events.Highlight;
import com.salesai.schema.events.TranscriptSegment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a call's facts (participants, metrics, highlights, transcript lines) as prompt text, before fencing. */
final class CallPromptFacts {
    private CallPromptFacts() {
    }

    static String participants(CallRecorded call) {
        if (call.participants().isEmpty()) {
            return "- (non renseignés)";
        }
        return call.participants().stream()
                .map(p -> "- " + orDash(p.name()) + " <" + orDash(p.email()) + ">" + (p.external() ? " (externe)" : " (interne)"))
                .collect(Collectors.joining("\n"));
    }

    static String rep(CallRecorded call) {
        return call.recordedBy() == null ? "inconnu"
                : orDash(call.recordedBy().name()) + " <" + orDash(call.recordedBy().email()) + ">";
    }

    static String duration(CallRecorded call) {
        return call.durationSeconds() == null ? "inconnue" : (call.durationSeconds() / 60) + " min " + (call.durationSeconds() % 60) + " s";
    }

    static String metrics(ConversationMetrics m) {
        if (!m.available()) {
            return "indisponibles (" + m.unavailableReason() + ")";
        }
        List<String> lines = new ArrayList<>();
        lines.add("- part de parole du rep : " + percent(m.repTalkRatio()));
        m.speakers().forEach(s -> lines.add(String.format(Locale.ROOT, "- %s%s : %s du temps de parole, %d questions, %.0f mots/min",
                s.speaker(), s.rep() ? " (rep)" : "", percent(s.talkRatio()), s.questions(), s.wordsPerMinute())));
        if (m.longestMonologue() != null) {
            lines.add(String.format(Locale.ROOT, "- plus long monologue : %.0f s (%s)", m.longestMonologue().seconds(), m.longestMonologue().speaker()));
        }
        lines.add("- questions du rep : " + orDash(m.repQuestions()) + ", des autres : " + orDash(m.customerQuestions()));
        lines.add("- changements de locuteur par minute : " + orDash(m.speakerSwitchesPerMinute()));
        lines.add("- mots par minute : " + orDash(m.wordsPerMinute()));
        lines.add("- mots de remplissage : " + orDash(m.fillerWordCount()) + " " + m.fillerWords());
        return String.join("\n", lines);
    }

    /** The rep's own Fathom bookmarks, one "- [HH:MM:SS] type : text (summary)" line each; null when there are none. */
    static String highlights(CallRecorded call) {
        if (call.highlights().isEmpty()) {
            return null;
        }
        return call.highlights().stream().map(CallPromptFacts::highlight).collect(Collectors.joining("\n"));
    }

    private static String highlight(Highlight h) {
        StringBuilder line = new StringBuilder("- ");
        if (h.startSeconds() != null) {
            line.append('[').append(ClockTime.of(Math.round(h.startSeconds()))).append("] ");
        }
        line.append(h.type() == null ? "signet" : h.type()).append(" : ").append(h.text() == null ? "" : h.text());
        if (h.summary() != null && !h.summary().isBlank()) {
            line.append(" (").append(h.summary()).append(')');
        }
        return line.toString();
    }

    /** One "[HH:MM:SS] Speaker: text" line per segment; the plaintext transcript's lines when there are no segments. */
    static List<String> transcriptLines(CallRecorded call) {
        if (call.transcript().isEmpty()) {
            String plain = call.transcriptPlaintext();
            return plain == null || plain.isBlank() ? List.of("(pas de transcription)")
                    : TranscriptEvidence.plaintextLines(plain);
        }
        return call.transcript().stream().map(CallPromptFacts::line).toList();
    }

    private static String line(TranscriptSegment s) {
        String speaker = s.speaker() != null ? s.speaker() : s.speakerEmail() != null ? s.speakerEmail() : "?";
        return (s.offsetSeconds() == null ? "" : "[" + ClockTime.of(s.offsetSeconds()) + "] ") + speaker + ": " + s.text();
    }

    private static String percent(Double ratio) {
        return ratio == null ? "inconnue" : Math.round(ratio * 100) + " %";
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
