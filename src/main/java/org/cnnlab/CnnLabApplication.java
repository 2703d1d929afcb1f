package org.cnnlab;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** CNN Lab: a browser lab for a university course on convolutional neural networks. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("context://styles/cnnlab.css")
public class CnnLabApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        // Before anything can load the engine: DJL must never try to download.
        System.setProperty("ai.djl.offline", "true");
        SpringApplication.run(CnnLabApplication.class, args);
    }
}
