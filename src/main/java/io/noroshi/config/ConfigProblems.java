package io.noroshi.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file, in line order, so that all are reported in one run. */
final class ConfigProblems {

    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ConfigProblems(String file) {
        this.file = file;
    }

    void add(Node node, String key, String message) {
        add(line(node), key, message);
    }

    void add(int line, String key, String message) {
        problems.add(new ConfigProblem(file, line, key, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<ConfigProblem> sorted() {
        return problems.stream().sorted(Comparator.comparingInt(ConfigProblem::line)).toList();
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
