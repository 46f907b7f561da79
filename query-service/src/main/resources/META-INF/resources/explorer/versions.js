// Filled in by the build (query-service/pom.xml): the versions of the libraries on its classpath.
export const ECHARTS = '@echarts.version@';
