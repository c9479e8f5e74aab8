package com.salesai.emulator.meetings;

/** Why a user can see a meeting; it decides which {@code triggered_for} value brings them its webhook. */
public enum Access {
    RECORDER, SHARED_WITH_USER, TEAM, NONE
}
