package org.newsgraph.ingest.source;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a feed or page may be fetched from when private ones are not allowed: none of
 * this host, its links, private networks, carrier-grade NAT, multicast or reserved ranges, nor an
 * IPv6 address that embeds one of those IPv4 addresses.
 */
final class PublicAddresses {

  private PublicAddresses() {}

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicIpv4(bytes);
    }
    if (address instanceof Inet6Address) {
      return isPublicIpv6(bytes);
    }
    return false;
  }

  private static boolean isPublicIpv4(byte[] ip) {
    int a = ip[0] & 0xff;
    int b = ip[1] & 0xff;
    return a != 0 // "this network"
        && !(a == 100 && (b & 0xc0) == 64) // 100.64.0.0/10, carrier-grade NAT
        && !(a == 192 && b == 0 && (ip[2] & 0xff) == 0) // 192.0.0.0/24, protocol assignments
        && !(a == 198 && (b & 0xfe) == 18) // 198.18.0.0/15, benchmarking
        && a < 224; // multicast and reserved, up to the broadcast address
  }

  private static boolean isPublicIpv6(byte[] ip) {
    if ((ip[0] & 0xfe) == 0xfc) {
      return false; // fc00::/7, unique local
    }
    boolean mapped = isZero(ip, 0, 10) && (ip[10] & 0xff) == 0xff && (ip[11] & 0xff) == 0xff;
    boolean compatible = isZero(ip, 0, 12); // ::a.b.c.d, and :: and ::1
    boolean nat64 =
        ip[0] == 0
            && ip[1] == 0x64
            && (ip[2] & 0xff) == 0xff
            && (ip[3] & 0xff) == 0x9b
            && isZero(ip, 4, 12); // 64:ff9b::/96
    if (mapped || compatible || nat64) {
      return embeddedIpv4IsPublic(ip, 12);
    }
    if (ip[0] == 0x20 && ip[1] == 0x02) {
      return embeddedIpv4IsPublic(ip, 2); // 2002::/16, 6to4: the IPv4 address follows the prefix
    }
    return true;
  }

  private static boolean embeddedIpv4IsPublic(byte[] ip, int offset) {
    try {
      return isPublic(
          InetAddress.getByAddress(
              new byte[] {ip[offset], ip[offset + 1], ip[offset + 2], ip[offset + 3]}));
    } catch (UnknownHostException e) {
      return false; // four bytes are always an address
    }
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
