package org.medkg.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The benchmark's figures as one Markdown table: a row per measure, a column per scale. */
final class ResultTable {
    private final List<Integer> scales = new ArrayList<>();
    private final Map<String, Map<Integer, String>> rows = new LinkedHashMap<>();

    void put(String measure, int scale, String value) {
        if (!scales.contains(scale)) {
            scales.add(scale);
        }
        rows.computeIfAbsent(measure, m -> new TreeMap<>()).put(scale, value);
    }

    String markdown() {
        StringBuilder table = new StringBuilder("| measure |");
        scales.forEach(scale -> table.append(' ').append(scale).append("× |"));
        table.append("\n|---|");
        scales.forEach(scale -> table.append("---|"));
        table.append('\n');
        rows.forEach((measure, values) -> {
            table.append("| ").append(measure).append(" |");
            scales.forEach(scale -> table.append(' ').append(values.getOrDefault(scale, "")).append(" |"));
            table.append('\n');
        });
        return table.toString();
    }
}
