package com.example.people;

import io.dropwizard.hibernate.AbstractDAO;
import org.hibernate.SessionFactory;

import java.util.List;
import java.util.Optional;

public class PersonDAO extends AbstractDAO<Person> {
    public PersonDAO(SessionFactory factory) { super(factory); }

    public Optional<Person> findById(long id) { return Optional.ofNullable(get(id)); }

    public Person create(Person person) { return persist(person); }

    public List<Person> findAll() { return list(query("SELECT p FROM Person p ORDER BY p.id")); }

    public void delete(Person person) { currentSession().remove(person); }
}
