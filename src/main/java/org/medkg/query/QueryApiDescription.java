package org.medkg.query;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;

/**
 * The saved queries described for programs: the JSON listing of {@code GET /api/queries} and the OpenAPI 3
 * description of the whole HTTP API, whose fixed part (the other paths of the site, the error responses, the
 * schemas) is the data file {@value #FIXED_PART} and whose saved query paths are generated here, one per query.
 */
public final class QueryApiDescription {
    /** Where the saved queries are served: the list here, each query under it by name. */
    public static final String QUERIES_PATH = "/api/queries";
    /** The request parameter that chooses the result format over {@code Accept}; no saved query may use it. */
    public static final String FORMAT_PARAMETER = "format";

    private static final String FIXED_PART = "openapi.yaml";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectNode FIXED = readFixedPart();
    /** The error responses of running a saved query, by status, as named in the fixed part's components. */
    private static final SortedMap<String, String> ERRORS = Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(
            "400", "BadParameter", "404", "UnknownQuery", "406", "NotAcceptable", "503", "QueryTimeout")));

    private QueryApiDescription() {
    }

    /** The path a saved query is run at ({@code /api/queries/events-by-year}). */
    public static String path(SavedQuery query) {
        return QUERIES_PATH + "/" + query.name();
    }

    /**
     * The listing of {@code GET /api/queries}: for each query its name, title, description, tags, parameters and
     * URL.
     *
     * @param urlOf the absolute URL of a path on this server
     *              ({@code /api/queries/x} → {@code http://host/api/queries/x})
     */
    public static ArrayNode listing(List<SavedQuery> queries, Function<String, String> urlOf) {
        requireNonNull(urlOf, "urlOf");
        ArrayNode list = NODES.arrayNode();
        for (SavedQuery query : queries) {
            ObjectNode entry = list.addObject()
                    .put("name", query.name())
                    .put("title", query.summary())
                    .put("description", query.description());
            query.tags().forEach(entry.putArray("tags")::add);
            ArrayNode parameters = entry.putArray("parameters");
            for (QueryParameter parameter : query.parameters()) {
                ObjectNode p = parameters.addObject()
                        .put("name", parameter.name())
                        .put("type", parameter.type().label())
                        .put("required", parameter.required())
                        .put("description", parameter.description());
                putIfPresent(p, "default", parameter.defaultValue());
                if (!parameter.allowed().isEmpty()) {
                    parameter.allowed().forEach(p.putArray("allowed")::add);
                }
                putIfPresent(p, "example", parameter.example());
            }
            entry.put("url", urlOf.apply(path(query)));
        }
        return list;
    }

    /** The OpenAPI 3.0 description of medkg's HTTP API, with one path per saved query. */
    public static ObjectNode openApi(List<SavedQuery> queries) {
        ObjectNode document = FIXED.deepCopy();
        ObjectNode paths = (ObjectNode) document.required("paths");
        for (SavedQuery query : queries) {
            ObjectNode path = paths.putObject(path(query));
            ObjectNode get = operation(query, "get");
            ArrayNode parameters = get.putArray("parameters");
            query.parameters().forEach(p -> parameters.add(parameter(p)));
            parameters.addObject().put("$ref", "#/components/parameters/format");
            parameters.addObject().put("$ref", "#/components/parameters/" + Page.NUMBER_PARAMETER);
            parameters.addObject().put("$ref", "#/components/parameters/" + Page.SIZE_PARAMETER);
            path.set("get", get);

            ObjectNode post = operation(query, "post");
            ObjectNode form = post.putObject("requestBody").putObject("content")
                    .putObject("application/x-www-form-urlencoded").putObject("schema").put("type", "object");
            ObjectNode properties = form.putObject("properties");
            ArrayNode required = NODES.arrayNode();
            for (QueryParameter parameter : query.parameters()) {
                properties.set(parameter.name(), schema(parameter).put("description", parameter.description()));
                if (parameter.required() && parameter.defaultValue() == null) {
                    required.add(parameter.name());
                }
            }
            if (!required.isEmpty()) {
                form.set("required", required);
            }
            path.set("post", post);
        }
        return document;
    }

    private static ObjectNode operation(SavedQuery query, String method) {
        ObjectNode operation = NODES.objectNode()
                .put("operationId", method + "-" + query.name())
                .put("summary", query.summary())
                .put("description", query.description());
        ArrayNode tags = operation.putArray("tags").add("saved queries");
        query.tags().forEach(tags::add);
        ObjectNode responses = operation.putObject("responses");
        ObjectNode content = responses.putObject("200").put("description", "The rows of the query")
                .putObject("content");
        for (ResultFormat format : ResultFormat.values()) {
            content.putObject(format.mediaType()).putObject("schema").put("$ref", "#/components/schemas/"
                    + (format == ResultFormat.JSON ? "SparqlResults" : "Text"));
        }
        ERRORS.forEach((status, response) ->
                responses.putObject(status).put("$ref", "#/components/responses/" + response));
        return operation;
    }

    private static ObjectNode parameter(QueryParameter parameter) {
        ObjectNode node = NODES.objectNode()
                .put("name", parameter.name())
                .put("in", "query")
                .put("required", parameter.required() && parameter.defaultValue() == null)
                .put("description", parameter.description());
        ObjectNode schema = schema(parameter);
        node.set("schema", schema);
        if (parameter.example() != null) {
            node.set("example", typed(schema, parameter.example()));
        }
        return node;
    }

    /** The JSON schema of the values a parameter takes (as text in a URL: the RDF type shows as a format). */
    private static ObjectNode schema(QueryParameter parameter) {
        ParameterType type = parameter.type();
        ObjectNode schema = NODES.objectNode();
        switch (type.kind()) {
            case IRI -> schema.put("type", "string").put("format", "iri");
            case NUMBER -> schema.put("type", "number");
            case TYPED -> {
                Class<?> values = type.datatype().getJavaClass();
                if (values != null && (BigInteger.class.isAssignableFrom(values) || Long.class.equals(values)
                        || Integer.class.equals(values) || Short.class.equals(values) || Byte.class.equals(values))) {
                    schema.put("type", "integer");
                } else if (values != null && Number.class.isAssignableFrom(values)) {
                    schema.put("type", "number");
                } else if (XSDDatatype.XSDdate.equals(type.datatype())) {
                    schema.put("type", "string").put("format", "date");
                } else {
                    schema.put("type", "string").put("format", type.label());
                }
            }
            case STRING, LANGUAGE -> schema.put("type", "string");
        }
        if (parameter.defaultValue() != null) {
            schema.set("default", typed(schema, parameter.defaultValue()));
        }
        if (!parameter.allowed().isEmpty()) {
            ArrayNode allowed = schema.putArray("enum");
            parameter.allowed().forEach(value -> allowed.add(typed(schema, value)));
        }
        return schema;
    }

    /** A value as the JSON type of its schema (2024, not "2024", for an integer), as OpenAPI validators expect. */
    private static JsonNode typed(ObjectNode schema, String value) {
        try {
            return switch (schema.get("type").asText()) {
                case "integer" -> NODES.numberNode(new BigInteger(value.strip()));
                case "number" -> NODES.numberNode(new BigDecimal(value.strip()));
                default -> NODES.textNode(value);
            };
        } catch (NumberFormatException e) {
            // an XSD number JSON cannot write (INF, NaN) stays text
            return NODES.textNode(value);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static ObjectNode readFixedPart() {
        try (InputStream in = QueryApiDescription.class.getResourceAsStream(FIXED_PART)) {
            if (in == null) {
                throw new IllegalStateException(FIXED_PART + " is missing beside "
                        + QueryApiDescription.class.getName());
            }
            JsonNode fixed = new YAMLMapper().readTree(in);
            if (!(fixed instanceof ObjectNode object) || !(fixed.get("paths") instanceof ObjectNode)) {
                throw new IllegalStateException(FIXED_PART + " is not an OpenAPI document with paths");
            }
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FIXED_PART, e);
        }
    }
}
