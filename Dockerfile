# CNN Lab: build the production jar, then run it on a JRE. Nothing is fetched at run time:
# DJL runs offline from the PyTorch native jar inside the app, the sample photos are in the jar.
#
# docker build -t cnnlab . && docker run --rm -p 8080:8080 cnnlab   →  http://localhost:8080/

# ---- build -----------------------------------------------------------------------------------
FROM eclipse-temurin:25-jdk-noble AS build
# npm (any version) only installs the repo's pinned Node 24 (tools/node); apt also provides the
# sample photos (data/fetch-photos.sh runs `apt-get download python3-skimage`).
# (the apt lists stay in this stage: fetch-photos.sh needs them)
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl npm fonts-dejavu-core
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY tools/node/package.json tools/node/package-lock.json tools/node/.gitignore tools/node/
COPY data/ data/
COPY frontend/ frontend/
COPY src/ src/
RUN ./mvnw -B -Pproduction -DskipTests package

# ---- run -------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jre-noble
# fonts for the generated "text" sample (Java2D needs fontconfig and one font); Fashion-MNIST for
# the training lesson (IDX files in /usr/share/datasets/fashion-mnist, Debian/Ubuntu universe)
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core dataset-fashion-mnist \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 cnnlab
USER cnnlab
WORKDIR /home/cnnlab
# saved models (and later the class database); a volume so they outlive the container
RUN mkdir -p /home/cnnlab/data
COPY --from=build /src/target/cnnlab.jar /app/cnnlab.jar
ENV PORT=8080 JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60" CNNLAB_DATA_DIR=/home/cnnlab/data
VOLUME /home/cnnlab/data
EXPOSE 8080
# DJL unpacks PyTorch's native libraries into ~/.djl.ai on first start (about 10 s), offline.
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-XX:+ExitOnOutOfMemoryError", "-Dai.djl.offline=true", "-jar", "/app/cnnlab.jar"]
