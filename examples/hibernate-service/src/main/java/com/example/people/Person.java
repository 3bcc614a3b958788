package com.example.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "people")
public class Person {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Column(name = "name", nullable = false, unique = true)
    private String name;

    @Column(name = "job_title", nullable = false)
    private String jobTitle;

    @JsonProperty public long getId() { return id; }
    @JsonProperty public String getName() { return name; }
    @JsonProperty public void setName(String name) { this.name = name; }
    @JsonProperty public String getJobTitle() { return jobTitle; }
    @JsonProperty public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
}
