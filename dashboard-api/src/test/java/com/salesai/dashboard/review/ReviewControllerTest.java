package com.salesai.dashboard.review;

import com.salesai.dashboard.config.SecurityConfig;
import com.salesai.dashboard.pages.PagesSettings;
import com.salesai.dashboard.projection.CallProjection;
import com.salesai.dashboard.projection.CallRecord;
import com.salesai.dashboard.projection.ReviewTombstones;
import com.salesai.platform.kafka.AckedSender;
import com.salesai.platform.security.PlatformSecurityAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review endpoint's answers to bodies it refuses: 400 problem+json naming the field, nothing published. The call
 * is the read model's (a stubbed lookup): Alice's, evaluated on the five default criteria.
 */
@WebMvcTest(controllers = ReviewController.class)
@Import({CallReviews.class, SecurityConfig.class, ReviewControllerTest.Pages.class})
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class ReviewControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    JwtDecoder jwtDecoder;
    @MockitoBean
    MongoTemplate mongo;
    @MockitoBean
    AckedSender kafka;
    @MockitoBean
    CallProjection projection;
    @MockitoBean
    ReviewTombstones tombstones;

    @TestConfiguration(proxyBeanMethods = false)
    static class Pages {
        @Bean
        PagesSettings pagesSettings() {
            return new PagesSettings(null, "call-intelligence-web", null, null, true);
        }
    }

    @BeforeEach
    void theCallIsAlicesEvaluatedOne() {
        given(mongo.findOne(any(Query.class), eq(CallRecord.class))).willReturn(ReviewPolicyTest.EVALUATED);
    }

    @Test
    void anUnknownCriterionIsNamedWithTheCallsCriteria() throws Exception {
        review("{\"scores\":[{\"criterion\":\"discovery\",\"score\":3},{\"criterion\":\"budget\",\"score\":3}]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("scores[1].criterion"))
                .andExpect(jsonPath("$.type").value("urn:problem:invalid-field"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("value_proposition")));
        verify(kafka, never()).send(any(), any(), any());
    }

    @Test
    void aScoreOutsideOneToFiveOrNotWholeIsNamed() throws Exception {
        review("{\"scores\":[{\"criterion\":\"discovery\",\"score\":6}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("scores[0].score"));
        review("{\"scores\":[{\"criterion\":\"discovery\",\"score\":0}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("scores[0].score"));
        review("{\"scores\":[{\"criterion\":\"discovery\",\"score\":3.5}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("scores[0].score"));
        review("{\"scores\":[{\"criterion\":\"discovery\",\"score\":\"beaucoup\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("scores[0].score"));
        verify(kafka, never()).send(any(), any(), any());
    }

    @Test
    void aCommentOrANoteTooLongIsNamed() throws Exception {
        String comment = "x".repeat(ReviewPolicy.MAX_COMMENT_CHARS + 1);
        review("{\"scores\":[{\"criterion\":\"discovery\",\"score\":3,\"comment\":\"" + comment + "\"}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("scores[0].comment"));
        review("{\"note\":\"" + "x".repeat(ReviewPolicy.MAX_NOTE_CHARS + 1) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("note"));
        review("{\"scores\":[],\"note\":\"  \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("scores"));
        verify(kafka, never()).send(any(), any(), any());
    }

    @Test
    void aBodyThatIsNoReviewIsRefused() throws Exception {
        review("{\"scores\":").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid review"));
        verify(kafka, never()).send(any(), any(), any());
    }

    @Test
    void aValidReviewIsPublishedAndAnsweredWithTheEffectiveScore() throws Exception {
        review("{\"scores\":[{\"criterion\":\"value_proposition\",\"score\":4,\"comment\":\"Chiffré\"}],"
                + "\"note\":\"Bien\"}")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.effectiveScore").value(65))
                .andExpect(jsonPath("$.by.userId").value("hugo"))
                .andExpect(jsonPath("$.scores[0].criterion").value("value_proposition"))
                .andExpect(jsonPath("$.note").value("Bien"));
        verify(kafka).send(eq("calls.reviewed"), eq("c1"), any());
    }

    private ResultActions review(String body) throws Exception {
        return mvc.perform(put("/api/calls/c1/review").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(jwt().jwt(token -> token.subject("hugo").claim("org_id", "org-1")
                        .claim("org_role", "head_of_sales").claim("name", "Hugo Bernard"))));
    }
}
