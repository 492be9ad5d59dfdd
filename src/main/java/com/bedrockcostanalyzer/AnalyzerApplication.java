package com.bedrockcostanalyzer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;

/**
 * The Spring application behind the command line. It is started by
 * {@link com.bedrockcostanalyzer.cli.Main} once the arguments are known to be good, and
 * runs no job by itself.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan
@ConfigurationPropertiesScan
public class AnalyzerApplication {

}
