/**
 * Avro serdes in the Confluent wire format (magic byte 0, 4-byte big-endian schema id, Avro binary) and the schema
 * registry clients behind them.
 *
 * <ul>
 *   <li>{@link org.partyline.serde.AvroSerdes}: the factories most code needs ({@code value}, {@code key},
 *       {@code stringKey}, and {@code binary} for state stores: plain Avro, no header, no registry).</li>
 *   <li>{@link org.partyline.serde.SchemaRegistryClients#forUrl}: {@code http://...} (Confluent REST API, cached,
 *       fails fast) or {@code mock://SCOPE} (in-memory, for tests).</li>
 *   <li>Deserialization failures are {@link org.apache.kafka.common.errors.SerializationException}s naming the topic
 *       and the cause; registry failures are {@link org.partyline.serde.RegistryException}s with URL, HTTP status and
 *       Confluent error code.</li>
 * </ul>
 */
package org.partyline.serde;
