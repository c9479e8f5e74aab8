package com.salesai.integration.settings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/integrations/fathom}: corrects the email the user records with in Fathom, without a new key. */
record FathomEmailRequest(@NotBlank @Size(max = MAX_EMAIL_LENGTH) @Pattern(regexp = EMAIL) String fathomEmail) {
    static final int MAX_EMAIL_LENGTH = 254;
    /** One {@code @}, a dot in the domain, no spaces: enough to catch a pasted name or a typo, no more. */
    static final String EMAIL = "^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*$";
}
