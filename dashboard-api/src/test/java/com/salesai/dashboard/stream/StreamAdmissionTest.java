package com.salesai.dashboard.stream;

import org.junit.jupiter.api.Test;

import static com.salesai.dashboard.stream.StreamAdmission.Verdict.ADMITTED;
import static com.salesai.dashboard.stream.StreamAdmission.Verdict.INSTANCE_LIMIT;
import static com.salesai.dashboard.stream.StreamAdmission.Verdict.USER_LIMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamAdmissionTest {

    @Test
    void oneUserIsBoundedWithoutTouchingAnother() {
        StreamAdmission admission = new StreamAdmission(2, 10);
        assertThat(admission.admit("org-a", "alice")).isEqualTo(ADMITTED);
        assertThat(admission.admit("org-a", "alice")).isEqualTo(ADMITTED);
        assertThat(admission.admit("org-a", "alice")).isEqualTo(USER_LIMIT);
        // the same user id in another org is another user
        assertThat(admission.admit("org-b", "alice")).isEqualTo(ADMITTED);
        assertThat(admission.admit("org-a", "bruno")).isEqualTo(ADMITTED);

        admission.release("org-a", "alice");
        assertThat(admission.admit("org-a", "alice")).isEqualTo(ADMITTED);
        assertThat(admission.open()).isEqualTo(4);
    }

    @Test
    void theInstanceIsBoundedAcrossUsers() {
        StreamAdmission admission = new StreamAdmission(1, 2);
        assertThat(admission.admit("org-a", "u1")).isEqualTo(ADMITTED);
        assertThat(admission.admit("org-a", "u2")).isEqualTo(ADMITTED);
        assertThat(admission.admit("org-a", "u3")).isEqualTo(INSTANCE_LIMIT);
        admission.release("org-a", "u1");
        assertThat(admission.admit("org-a", "u3")).isEqualTo(ADMITTED);
    }

    @Test
    void aReleaseWithoutAnAdmissionIsABug() {
        StreamAdmission admission = new StreamAdmission(1, 2);
        assertThatThrownBy(() -> admission.release("org-a", "ghost")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new StreamAdmission(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
