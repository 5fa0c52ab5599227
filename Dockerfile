# Sluice's container image: one static binary (musl) on a small base that
# carries the OpenSSH client, which gix uses for ssh:// sources (libgit2
# speaks SSH itself), and CA certificates for HTTPS sources.
#
#   docker build -t sluice:0.1.0 .
#   sluice install --image sluice:0.1.0 | kubectl apply -f -   (or --export)
#
# The build stage compiles natively for musl (Alpine), so no cross toolchain
# is needed; libgit2 and OpenSSL are vendored and built with cc, make and perl.
FROM rust:1.95-alpine3.22 AS build
RUN apk add --no-cache musl-dev perl make pkgconf linux-headers
WORKDIR /src
COPY . .
RUN cargo build --profile dist --locked -p sluice-engine --bin sluice \
 && strip target/dist/sluice

FROM alpine:3.22
RUN apk add --no-cache ca-certificates openssh-client \
 && mkdir -p /data /tmp && chown 65534:65534 /data /tmp
COPY --from=build /src/target/dist/sluice /usr/local/bin/sluice
USER 65534:65534
# Artifacts, metrics, probes (sluice run's defaults, as Flux's).
EXPOSE 9090 8080 9440
ENTRYPOINT ["/usr/local/bin/sluice"]
CMD ["run", "--watch-all-namespaces", "--storage-path=/data"]
