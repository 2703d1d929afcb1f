package org.cnnlab.classroom;

import org.springframework.boot.test.context.SpringBootTest;

/** The class server's contract on the default database: the H2 file in the data directory. */
@SpringBootTest(properties = "cnnlab.classroom.join-attempts-per-minute=1000")
class ClassroomIT extends ClassroomContract {
}
