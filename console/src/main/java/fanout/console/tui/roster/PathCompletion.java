package fanout.console.tui.roster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Tab completion of a file path, shell style: extend to the longest common prefix. */
public final class PathCompletion {
    private PathCompletion() {}

    /** The typed path extended as far as it is unambiguous; directories get a trailing slash. */
    public static String complete(String typed, Path workingDirectory) {
        int slash = typed.lastIndexOf('/');
        String directoryPart = slash >= 0 ? typed.substring(0, slash + 1) : "";
        String prefix = typed.substring(slash + 1);
        Path directory =
                directoryPart.isEmpty()
                        ? workingDirectory
                        : workingDirectory.resolve(directoryPart);
        List<String> matches = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.forEach(
                    entry -> {
                        String name = entry.getFileName().toString();
                        if (name.startsWith(prefix)
                                && (!name.startsWith(".") || prefix.startsWith("."))) {
                            matches.add(Files.isDirectory(entry) ? name + "/" : name);
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // Nothing to complete from (no such directory, no permission): leave the text alone.
            return typed;
        }
        if (matches.isEmpty()) {
            return typed;
        }
        return directoryPart + commonPrefix(matches);
    }

    static String commonPrefix(List<String> names) {
        String prefix = names.get(0);
        for (String name : names) {
            int i = 0;
            while (i < prefix.length() && i < name.length() && prefix.charAt(i) == name.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        return prefix;
    }
}
