package com.example.people;

import io.dropwizard.views.common.View;

import java.util.List;

public class DirectoryView extends View {
    private final List<Person> people;

    public DirectoryView(List<Person> people) {
        super("people.ftl");
        this.people = people;
    }

    public List<Person> getPeople() { return people; }
}
