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
