package org.partyline.embedded;

/**
 * A compatibility level setting: for one subject, or the global default when {@code subject} is null. A null
 * {@code level} removes the setting.
 */
record ConfigEntry(String subject, CompatibilityLevel level) {
}
