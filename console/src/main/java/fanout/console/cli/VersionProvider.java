package fanout.console.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "dev" when run from classes. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = FanoutCommand.class.getPackage().getImplementationVersion();
        return new String[] {"fanout " + (version == null ? "0.1.0-dev" : version)};
    }
}
