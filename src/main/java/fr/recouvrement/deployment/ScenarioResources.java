package fr.recouvrement.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.StringUtils;

/**
 * The files of {@code bpmn/} and {@code forms/}, keyed by the stable relative name they are deployed under
 * ({@code bpmn/recouvrement-amiable.bpmn}), whatever the folder or jar they were read from.
 */
final class ScenarioResources {

    static final List<String> FOLDERS = List.of("bpmn", "forms");
    /** Where the build copies the folders inside the jar, for {@code java -jar} started anywhere. */
    static final String CLASSPATH_ROOT = "deployment/";
    private static final List<String> DEPLOYABLE = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form");

    private ScenarioResources() {
    }

    /** Where the files came from (for the log) and the files themselves, sorted by name. */
    record Loaded(String origin, SortedMap<String, byte[]> files) {
    }

    static Loaded load(String configuredRoot, Path workingDirectory, ResourcePatternResolver resolver) {
        if (StringUtils.hasText(configuredRoot)) {
            Path root = Path.of(configuredRoot).toAbsolutePath().normalize();
            if (!hasFolders(root)) {
                throw new IllegalStateException("recouvrement.deployment.root=" + configuredRoot
                        + " must hold the folders bpmn/ and forms/; " + root + " does not");
            }
            return new Loaded(root.toString(), fromFolder(root));
        }
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        if (hasFolders(cwd)) {
            return new Loaded(cwd.toString(), fromFolder(cwd));
        }
        SortedMap<String, byte[]> packaged = fromClasspath(resolver);
        if (packaged.isEmpty()) {
            throw new IllegalStateException("No bpmn/ and forms/ folders in the working directory " + cwd
                    + " and none packaged in the application: start it from the project folder, "
                    + "or set recouvrement.deployment.root to the folder that holds them");
        }
        return new Loaded("classpath:" + CLASSPATH_ROOT, packaged);
    }

    private static boolean hasFolders(Path root) {
        return FOLDERS.stream().allMatch(folder -> Files.isDirectory(root.resolve(folder)));
    }

    private static SortedMap<String, byte[]> fromFolder(Path root) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> paths = Files.walk(root.resolve(folder))) {
                for (Path path : paths.filter(Files::isRegularFile).filter(p -> isDeployable(p.toString())).toList()) {
                    String name = root.relativize(path).toString().replace('\\', '/');
                    files.put(name, Files.readAllBytes(path));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + root.resolve(folder), e);
            }
        }
        return files;
    }

    private static SortedMap<String, byte[]> fromClasspath(ResourcePatternResolver resolver) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String folder : FOLDERS) {
            String prefix = CLASSPATH_ROOT + folder + "/";
            try {
                for (Resource resource : resolver.getResources("classpath*:" + prefix + "**/*")) {
                    String url = resource.getURL().toString();
                    if (!resource.isReadable() || !isDeployable(url)) {
                        continue;
                    }
                    String name = url.substring(url.lastIndexOf(prefix) + CLASSPATH_ROOT.length());
                    try (var in = resource.getInputStream()) {
                        files.put(name, in.readAllBytes());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the packaged " + prefix, e);
            }
        }
        return files;
    }

    private static boolean isDeployable(String name) {
        return DEPLOYABLE.stream().anyMatch(name::endsWith);
    }
}
