package org.cnnlab.classroom;

import org.springframework.boot.test.context.SpringBootTest;

/** The class server's contract on the default database: the H2 file in the data directory. */
@SpringBootTest
class ClassroomIT extends ClassroomContract {
}
