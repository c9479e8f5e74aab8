package com.salesai.analysis.settings;

import com.salesai.analysis.config.AnalysisProperties;
import com.salesai.schema.events.EventJson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Each organization's analysis settings in {@code fathom_analysis}: the current ones per org, and every scorecard
 * version (unique on (orgId, version), made at start-up). An organization that never saved any has the default
 * scorecard version 1, the deployment's language ({@code ANALYSIS_LANGUAGE}), internal meetings and daily budget.
 */
@Component
public class OrgSettings {
    private final MongoTemplate mongo;
    private final AnalysisProperties defaults;
    private final Clock clock;

    OrgSettings(MongoTemplate mongo, AnalysisProperties defaults, Optional<Clock> clock) {
        this.mongo = mongo;
        this.defaults = defaults;
        this.clock = clock.orElseGet(Clock::systemUTC);
        mongo.indexOps(StoredScorecard.class).createIndex(new Index()
                .on("orgId", Sort.Direction.ASC).on("version", Sort.Direction.ASC)
                .unique().named("orgId_version_unique"));
    }

    /** The settings a call of {@code orgId} is analyzed with now. */
    public AnalysisSettings current(String orgId) {
        StoredSettings stored = mongo.findById(orgId, StoredSettings.class);
        return stored == null ? defaults(defaults) : EventJson.mapper().readValue(stored.settingsJson(),
                AnalysisSettings.class);
    }

    static AnalysisSettings defaults(AnalysisProperties defaults) {
        return new AnalysisSettings(defaults.language(), ScorecardPresets.defaultScorecard(defaults.language()),
                defaults.internalMeetings(), defaults.dailyTokenBudget());
    }

    /** Every stored scorecard version of the org, oldest first (the default version 1 is never stored). */
    List<AnalysisSettings.Scorecard> scorecardVersions(String orgId) {
        Query query = Query.query(Criteria.where("orgId").is(orgId)).with(Sort.by("version"));
        return mongo.find(query, StoredScorecard.class).stream()
                .map(s -> EventJson.mapper().readValue(s.scorecardJson(), AnalysisSettings.Scorecard.class)).toList();
    }

    /**
     * Applies {@code requested} to the org's current settings and returns the settings now current; a new scorecard
     * version is stored first, so two concurrent changes cannot both take the same version.
     *
     * @throws InvalidSettingsException naming every refused field
     * @throws ConcurrentSettingsChangeException when another change took that version meanwhile
     */
    public AnalysisSettings change(String orgId, AnalysisSettings requested, String by) {
        SettingsChange.Decision decision = SettingsChange.decide(current(orgId), requested);
        if (decision instanceof SettingsChange.Invalid invalid) {
            throw new InvalidSettingsException(invalid.errors());
        }
        SettingsChange.Accepted accepted = (SettingsChange.Accepted) decision;
        AnalysisSettings settings = accepted.settings();
        var now = clock.instant();
        if (accepted.newScorecardVersion()) {
            try {
                mongo.insert(new StoredScorecard(orgId + "|" + settings.scorecard().version(), orgId,
                        settings.scorecard().version(), EventJson.mapper().writeValueAsString(settings.scorecard()),
                        now, by));
            } catch (DuplicateKeyException raced) {
                throw new ConcurrentSettingsChangeException(raced);
            }
        }
        mongo.save(new StoredSettings(orgId, settings.scorecard().version(),
                EventJson.mapper().writeValueAsString(settings), now, by));
        return settings;
    }

    /** Another change of the same org's scorecard was saved between our read and our write. */
    static final class ConcurrentSettingsChangeException extends RuntimeException {
        ConcurrentSettingsChangeException(Throwable cause) {
            super("the scorecard was changed meanwhile", cause);
        }
    }
}
