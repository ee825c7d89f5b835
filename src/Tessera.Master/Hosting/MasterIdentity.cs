using System.Net;
using Tessera.Core.Protocol;

namespace Tessera.Master.Hosting;

/// <summary>Who this master is on the wire: id, address and the MasterInfo frameworks and agents see.</summary>
internal sealed record MasterIdentity(string Id, string Ip, int Port, string Hostname)
{
    /// <summary>The Mesos API version we implement, reported where frameworks check it.</summary>
    public const string MesosVersion = "1.11.0";

    public MasterInfo Info => new()
    {
        Id = Id,
        Ip = PackedIp(Ip),
        Port = (uint)Port,
        Pid = $"master@{Ip}:{Port}",
        Hostname = Hostname,
        Version = MesosVersion,
        Address = new Address { Hostname = Hostname, Ip = Ip, Port = Port },
    };

    /// <summary>Mesos packs IPv4 into a uint32 in network byte order as read on a little-endian host.</summary>
    private static uint PackedIp(string ip) =>
        IPAddress.TryParse(ip, out var a) && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? BitConverter.ToUInt32(a.GetAddressBytes())
            : 0;
}
