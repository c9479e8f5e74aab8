package com.salesai.analysis.llm;

import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.ConversationMetrics;
import com.salesai.schema.events.TranscriptSegment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a call's facts (participants, metrics, transcript lines) as prompt text. */
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

    /** One "[HH:MM:SS] Speaker: text" line per segment; the plaintext transcript when there are no segments. */
    static List<String> transcriptLines(CallRecorded call) {
        if (call.transcript().isEmpty()) {
            String plain = call.transcriptPlaintext();
            return plain == null || plain.isBlank() ? List.of("(pas de transcription)") : List.of(plain.split("\\R"));
        }
        return call.transcript().stream().map(CallPromptFacts::line).toList();
    }

    private static String line(TranscriptSegment s) {
        String speaker = s.speaker() != null ? s.speaker() : s.speakerEmail() != null ? s.speakerEmail() : "?";
        return (s.offsetSeconds() == null ? "" : "[" + timestamp(s.offsetSeconds()) + "] ") + speaker + ": " + s.text();
    }

    /** hh:mm:ss; built by hand because {@code String.format} per segment was a visible share of a call's CPU. */
    static String timestamp(long seconds) {
        if (seconds < 0) {
            return "-" + timestamp(-seconds);
        }
        StringBuilder text = new StringBuilder(8);
        twoDigits(text, seconds / 3600).append(':');
        twoDigits(text, seconds / 60 % 60).append(':');
        return twoDigits(text, seconds % 60).toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, long value) {
        return (value < 10 ? text.append('0') : text).append(value);
    }

    private static String percent(Double ratio) {
        return ratio == null ? "inconnue" : Math.round(ratio * 100) + " %";
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
