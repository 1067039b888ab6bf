package fr.recouvrement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RecouvrementApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecouvrementApplication.class, args);
    }
}
