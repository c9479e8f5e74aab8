package com.salesai.emulator.meetings;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The words of a meeting, in French or English: a sales call (discovery questions, an objection, its handling,
 * next steps) or an internal pipeline review. Summaries are always English, whatever the transcript's language,
 * because Fathom writes them so.
 */
final class Dialogue {
    /** What a line is, where a highlight (a bookmark) may point. */
    enum Tag { NONE, OBJECTION, NEXT_STEP }

    record Line(String speaker, String text, Tag tag) {
    }

    /** @param objection which objection the prospect raised (0 price, 1 competitor, 2 timing), -1 for none */
    record Conversation(List<Line> lines, int objection) {
    }

    private static final String[] OBJECTIONS_EN = {"price", "an incumbent vendor", "timing"};

    private Dialogue() {
    }

    static Conversation sales(Random random, boolean french, String rep, String prospect, String company,
                              String second) {
        int objection = random.nextInt(3);
        List<Line> lines = new ArrayList<>();
        if (french) {
            say(lines, rep, "Bonjour " + first(prospect) + ", merci de prendre ce temps avec moi.");
            say(lines, prospect, "Avec plaisir, on a une demi-heure devant nous.");
            say(lines, rep, "Pour commencer, comment vos équipes gèrent-elles le suivi des appels aujourd'hui ?");
            say(lines, prospect, "Honnêtement, chacun prend ses notes dans son coin, et on perd beaucoup d'informations.");
            say(lines, rep, "Et quel impact cela a-t-il sur vos prévisions de ventes ?");
            say(lines, prospect, "On découvre trop tard les affaires bloquées, en gros une sur trois.");
            if (second != null) {
                say(lines, second, "Côté direction, on voudrait surtout coacher les nouveaux commerciaux plus vite.");
                say(lines, rep, "Combien de nouveaux commerciaux arrivent cette année ?");
                say(lines, second, "Une dizaine, répartis sur trois régions.");
            }
            lines.add(new Line(prospect, new String[]{
                    "C'est intéressant, mais le prix nous paraît élevé pour notre budget actuel.",
                    "On travaille déjà avec un concurrent, je ne suis pas sûr de vouloir changer.",
                    "Le timing est compliqué, on est en pleine réorganisation."}[objection], Tag.OBJECTION));
            say(lines, rep, "Je comprends. Si on regarde le temps gagné par commercial, le retour sur investissement se fait en moins de six mois. Est-ce que ce critère compte pour vous ?");
            say(lines, prospect, "Oui, si vous pouvez le démontrer chiffres à l'appui.");
            lines.add(new Line(rep, "Je vous propose d'envoyer une proposition vendredi et de caler une démo avec "
                    + company + " mardi prochain, ça vous va ?", Tag.NEXT_STEP));
            say(lines, prospect, "D'accord, mardi après-midi fonctionne pour nous.");
        } else {
            say(lines, rep, "Hi " + first(prospect) + ", thanks for making the time today.");
            say(lines, prospect, "Sure, happy to chat.");
            say(lines, rep, "How does your team review sales calls today?");
            say(lines, prospect, "Mostly ad hoc. Managers listen to a few recordings when they can.");
            say(lines, rep, "What does that cost you when a deal slips?");
            say(lines, prospect, "We usually find out at the end of the quarter, which is too late.");
            if (second != null) {
                say(lines, second, "From the leadership side, ramping new reps faster is the priority.");
                say(lines, rep, "How many new reps are you hiring this year?");
                say(lines, second, "About twelve across two regions.");
            }
            lines.add(new Line(prospect, new String[]{
                    "To be honest, the price seems high for where we are right now.",
                    "We already use another vendor, so switching is a hard sell internally.",
                    "Timing is tricky, we are in the middle of a reorg."}[objection], Tag.OBJECTION));
            say(lines, rep, "That makes sense. Teams like yours usually recover the cost within two quarters through shorter ramp time. Would a short business case help?");
            say(lines, prospect, "Yes, numbers would help me make the case.");
            lines.add(new Line(rep, "Great, I'll send a proposal on Friday and set up a demo with " + company
                    + " next Tuesday. Does that work?", Tag.NEXT_STEP));
            say(lines, prospect, "Tuesday afternoon works.");
        }
        return new Conversation(lines, objection);
    }

    /** Colleagues going through their deals: no prospect, nothing to coach as a sales call. */
    static Conversation internal(boolean french, String host, String colleague, String company) {
        List<Line> lines = new ArrayList<>();
        if (french) {
            say(lines, host, "On fait le tour du pipeline ? Commençons par " + company + ".");
            say(lines, colleague, "La démo s'est bien passée, mais la décision glisse au trimestre prochain.");
            say(lines, host, "On le garde en prévision ou on le sort du trimestre ?");
            say(lines, colleague, "Je le sortirais, le budget n'est pas encore validé.");
            lines.add(new Line(host, "D'accord, mets à jour la prévision avant vendredi.", Tag.NEXT_STEP));
            say(lines, colleague, "Ça marche, je m'en occupe.");
        } else {
            say(lines, host, "Shall we walk through the pipeline? Let's start with " + company + ".");
            say(lines, colleague, "The demo went well, but the decision is slipping to next quarter.");
            say(lines, host, "Do we keep it in the forecast or pull it out of this quarter?");
            say(lines, colleague, "I'd pull it, their budget isn't approved yet.");
            lines.add(new Line(host, "Okay, update the forecast before Friday.", Tag.NEXT_STEP));
            say(lines, colleague, "Sounds good, I'll do it.");
        }
        return new Conversation(lines, -1);
    }

    static String salesSummary(String company, String topicEnglish, int objection) {
        return "## " + topicEnglish + " with " + company + "\n- Call reviews are ad hoc today\n"
                + "- Objection raised on " + OBJECTIONS_EN[objection] + "\n"
                + "- Next step: proposal Friday, demo Tuesday";
    }

    static String internalSummary(String company) {
        return "## Pipeline review\n- " + company + ": decision slipping to next quarter, budget not approved\n"
                + "- Next step: update the forecast before Friday";
    }

    static String objectionSummary(int objection) {
        return "Prospect pushed back on " + OBJECTIONS_EN[objection];
    }

    private static void say(List<Line> lines, String speaker, String text) {
        lines.add(new Line(speaker, text, Tag.NONE));
    }

    private static String first(String name) {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
