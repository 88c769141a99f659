package org.partyline.producer.cli;

import org.partyline.events.PartylineVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"partyline-producer " + PartylineVersion.current()};
    }
}
