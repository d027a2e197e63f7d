from tambon.core.addresses import client_ip


def test_without_proxies_the_connection_address_is_the_visitor(settings):
    settings.TAMBON_TRUSTED_PROXY_HOPS = 0
    environ = {"REMOTE_ADDR": "203.0.113.5", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}
    assert client_ip(environ) == "203.0.113.5"  # a forged header changes nothing


def test_behind_one_proxy_the_address_it_saw_is_the_visitor(settings):
    settings.TAMBON_TRUSTED_PROXY_HOPS = 1
    environ = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.7"}
    # The visitor may send a forged first entry; the proxy appends the address it really saw.
    assert client_ip(environ) == "198.51.100.7"


def test_behind_a_proxy_without_the_header_the_connection_address_is_used(settings):
    settings.TAMBON_TRUSTED_PROXY_HOPS = 1
    assert client_ip({"REMOTE_ADDR": "127.0.0.1"}) == "127.0.0.1"


def test_a_forged_header_on_a_connection_that_is_not_the_proxys_is_ignored(settings):
    # The app reached directly (its port open to the network): each request could otherwise
    # name a new address and pass every per-address limit.
    settings.TAMBON_TRUSTED_PROXY_HOPS = 1
    environ = {"REMOTE_ADDR": "203.0.113.5", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    assert client_ip(environ) == "203.0.113.5"


def test_a_proxy_on_another_machine_is_trusted_once_its_network_is_named(settings):
    settings.TAMBON_TRUSTED_PROXY_HOPS = 1
    settings.TAMBON_TRUSTED_PROXIES = ["10.0.0.0/24"]
    assert client_ip({"REMOTE_ADDR": "10.0.0.9", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}) == (
        "198.51.100.7"
    )
    assert client_ip({"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}) == (
        "127.0.0.1"
    )
