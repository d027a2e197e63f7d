/* The citizen forms (cases, participation) work without this script; with it: the focus goes to the error summary,
   the "use my location" button fills in the position, the receipt's print button prints. */
(function () {
  "use strict";

  var summary = document.getElementById("error-summary");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  var locate = document.querySelector("[data-locate]");
  var latitude = document.getElementById("id_latitude");
  var longitude = document.getElementById("id_longitude");
  if (!locate || !latitude || !longitude || !("geolocation" in navigator)) {
    return;
  }
  var status = document.querySelector("[data-locate-status]");
  locate.hidden = false;
  locate.addEventListener("click", function () {
    status.textContent = locate.getAttribute("data-finding");
    navigator.geolocation.getCurrentPosition(
      function (position) {
        latitude.value = position.coords.latitude.toFixed(6);
        longitude.value = position.coords.longitude.toFixed(6);
        status.textContent = locate.getAttribute("data-found");
      },
      function () {
        status.textContent = locate.getAttribute("data-failed");
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
    );
  });
})();
