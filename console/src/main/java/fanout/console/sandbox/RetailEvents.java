package fanout.console.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * hello-retail-like events, as the workshop's producers write them to the core stream: products
 * created, then their prices changed and photos added, by a handful of simulated users.
 */
final class RetailEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INGRESS = "com.nordstrom/retail-stream-ingress/1-0-0";
    private static final String[] USERS = {"amara", "bjorn", "chen", "dalia", "emeka"};
    private static final String[] BRANDS = {"Northwind", "Juniper", "Alder & Co", "Sable"};
    private static final String[] CATEGORIES = {"Shoes", "Jackets", "Bags", "Hats", "Scarves"};
    private static final String[] ADJECTIVES = {"Classic", "Trail", "City", "Coastal", "Weekend"};

    private final Random random;
    private final List<String> products = new ArrayList<>();

    RetailEvents(Random random) {
        this.random = random;
    }

    /** The next event and its partition key (the product id). */
    synchronized Event next(Instant now) {
        ObjectNode event = JSON.createObjectNode();
        event.put("schema", INGRESS);
        event.put("origin", "hello-retail/sandbox/" + USERS[random.nextInt(USERS.length)]);
        event.put("timeOrigin", now.toString());
        ObjectNode data = event.putObject("data");
        String id;
        int kind = products.size() < 3 ? 0 : random.nextInt(4);
        if (kind <= 1) {
            id = Integer.toString(4_000_000 + products.size());
            products.add(id);
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            data.put("schema", "com.nordstrom/product/create/1-0-0");
            data.put("id", id);
            data.put("brand", BRANDS[random.nextInt(BRANDS.length)]);
            data.put(
                    "name",
                    ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + singular(category));
            data.put(
                    "description",
                    "A sandbox product in " + category.toLowerCase(Locale.ROOT) + ".");
            data.put("category", category);
        } else {
            id = products.get(random.nextInt(products.size()));
            data.put("id", id);
            if (kind == 2) {
                data.put("schema", "com.nordstrom/product/price/1-0-0");
                data.put(
                        "price",
                        String.format(Locale.ROOT, "%.2f", 10 + random.nextInt(19_000) / 100.0));
            } else {
                data.put("schema", "com.nordstrom/product/image/1-0-0");
                data.put(
                        "image",
                        "https://images.example.com/sandbox/"
                                + id
                                + "-"
                                + random.nextInt(9)
                                + ".jpg");
            }
        }
        try {
            return new Event(id, JSON.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a retail event", e);
        }
    }

    private static String singular(String category) {
        return category.endsWith("es") && !category.equals("Shoes")
                ? category.substring(0, category.length() - 1)
                : category.endsWith("s") ? category.substring(0, category.length() - 1) : category;
    }

    record Event(String partitionKey, byte[] data) {}
}
