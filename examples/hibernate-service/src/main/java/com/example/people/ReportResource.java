package com.example.people;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Head count by job title, in plain JDBC. */
@Path("/reports/job-titles")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    private final DataSource dataSource;

    public ReportResource(DataSource dataSource) { this.dataSource = dataSource; }

    @GET
    public Map<String, Long> jobTitles() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT job_title, COUNT(*) FROM people GROUP BY job_title ORDER BY job_title");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
